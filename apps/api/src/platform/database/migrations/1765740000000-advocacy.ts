import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Advocacy: who referred whom, and the tenant's rule for what a referrer is owed.
 *
 * A referred contact has at most one referrer (the unique key), nobody refers themselves (the
 * check); cycles (A → B → A) are refused by the advocacy service, which sees the whole chain.
 * Inserting or deleting a referral notes both contacts for the upkeep (a referrer's influence
 * and stage depend on whom they referred).
 *
 * `tenant.referral_incentive` holds the incentive rule:
 *   { "amount": number ≥ 0,             fixed amount per qualifying referral
 *     "qualifyOn": "FIRST_PURCHASE" | "SIGNUP",
 *                                        a referral qualifies when the referred contact first
 *                                        buys (FIRST_PURCHASE) or as soon as it is recorded (SIGNUP)
 *     "revenuePercent": number 0..100,   optional share of the referred contacts' revenue
 *     "capPerReferrer": number | null }  optional ceiling of what one referrer is owed in total
 * in the tenant's reporting currency.
 */
export class Advocacy1765740000000 implements MigrationInterface {
  name = 'Advocacy1765740000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE referral (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        referrer_id uuid NOT NULL,
        referred_id uuid NOT NULL,
        referred_at timestamptz NOT NULL DEFAULT now(),
        source text CHECK (char_length(source) <= 200),
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id),
        UNIQUE (tenant_id, referred_id),
        FOREIGN KEY (tenant_id, referrer_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
        FOREIGN KEY (tenant_id, referred_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE,
        CONSTRAINT referral_not_self CHECK (referrer_id <> referred_id)
      );
      COMMENT ON TABLE referral IS 'Who referred whom: one referrer per referred contact, no self-referral, no cycles (refused by the service).';
      CREATE INDEX referral_referrer_idx ON referral (tenant_id, referrer_id);
      CREATE INDEX referral_recent_idx ON referral (tenant_id, referred_at DESC, id);
      ALTER TABLE referral ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON referral USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE, DELETE ON referral TO ${RUNTIME_ROLE};

      -- Referrals come in by CSV import too.
      ALTER TABLE data_import DROP CONSTRAINT data_import_entity_check,
        ADD CONSTRAINT data_import_entity_check
          CHECK (entity IN ('CONTACTS', 'COMPANIES', 'ORDERS', 'ENGAGEMENT_EVENTS', 'REFERRALS'));
      ALTER TABLE import_mapping DROP CONSTRAINT import_mapping_entity_check,
        ADD CONSTRAINT import_mapping_entity_check
          CHECK (entity IN ('CONTACTS', 'COMPANIES', 'ORDERS', 'ENGAGEMENT_EVENTS', 'REFERRALS'));

      ALTER TABLE tenant ADD COLUMN referral_incentive jsonb NOT NULL
        DEFAULT '{"amount": 0, "qualifyOn": "FIRST_PURCHASE", "revenuePercent": 0, "capPerReferrer": null}';
    `);
    for (const column of ['referrer_id', 'referred_id'])
      for (const { event, transitions } of [
        { event: 'INSERT', transitions: 'NEW TABLE AS changed_new' },
        { event: 'DELETE', transitions: 'OLD TABLE AS changed_old' },
      ])
        await db.query(`
          CREATE TRIGGER referral_contact_change_${event.toLowerCase()}_${column}
            AFTER ${event} ON referral REFERENCING ${transitions}
            FOR EACH STATEMENT EXECUTE FUNCTION app.note_contact_change('${column}', '')
        `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DELETE FROM data_import WHERE entity = 'REFERRALS';
      DELETE FROM import_mapping WHERE entity = 'REFERRALS';
      ALTER TABLE data_import DROP CONSTRAINT data_import_entity_check,
        ADD CONSTRAINT data_import_entity_check
          CHECK (entity IN ('CONTACTS', 'COMPANIES', 'ORDERS', 'ENGAGEMENT_EVENTS'));
      ALTER TABLE import_mapping DROP CONSTRAINT import_mapping_entity_check,
        ADD CONSTRAINT import_mapping_entity_check
          CHECK (entity IN ('CONTACTS', 'COMPANIES', 'ORDERS', 'ENGAGEMENT_EVENTS'));
      DROP TABLE referral;
      ALTER TABLE tenant DROP COLUMN referral_incentive;
    `);
  }
}
