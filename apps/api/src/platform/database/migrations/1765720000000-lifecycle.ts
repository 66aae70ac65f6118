import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * The lifecycle's history: every stage a contact entered, with its cause.
 *
 * Many paths write `contact.lifecycle_stage` (the lifecycle module, the contact form, imports,
 * merges, leads made from mentions), so the history is written by statement triggers on
 * `contact` and no path can forget it. A writer says why through the transaction-local setting
 * `app.lifecycle_context`, a JSON object:
 *   { "cause": "EVENT" | "AGENT" | "IMPORT" | "MERGE" | "SYSTEM",
 *     "event": "<domain lifecycle event>", "reason": "<text>",
 *     "moves": { "<contact id>": { "event": "…", "reason": "…" } } }   per-contact details
 * and clears it ('') after its statement. Without it the cause is AGENT when a user acts
 * (`app.user_id`) and SYSTEM otherwise. The actor is always `app.user_id`.
 * An insert records the stage the contact starts in (from NULL); an update that changes the
 * stage records the move and adds a LIFECYCLE_CHANGE entry to the contact's timeline (but for
 * a merge, whose MERGE entry already tells it).
 *
 * The history is append-only for the runtime role: it may read and insert, and move rows to a
 * merge's survivor (UPDATE of contact_id only). `tenant.churn_after_days` is the N of
 * "N days without activity makes a customer churned".
 */
export class Lifecycle1765720000000 implements MigrationInterface {
  name = 'Lifecycle1765720000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE tenant ADD COLUMN churn_after_days integer NOT NULL DEFAULT 180
        CHECK (churn_after_days BETWEEN 1 AND 3650);

      CREATE TABLE lifecycle_stage_change (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL DEFAULT gen_random_uuid(),
        contact_id uuid NOT NULL,
        from_stage text,
        to_stage text NOT NULL,
        cause text NOT NULL CHECK (cause IN ('EVENT', 'AGENT', 'IMPORT', 'MERGE', 'SYSTEM')),
        event text,
        reason text CHECK (char_length(reason) <= 500),
        actor_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
        changed_at timestamptz NOT NULL DEFAULT clock_timestamp(),
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, contact_id) REFERENCES contact (tenant_id, id) ON DELETE CASCADE
      );
      COMMENT ON TABLE lifecycle_stage_change IS 'Every stage a contact entered (from NULL: its first), with cause, event, reason and actor; written by triggers on contact.';
      CREATE INDEX lifecycle_stage_change_contact_idx
        ON lifecycle_stage_change (tenant_id, contact_id, changed_at);
      CREATE INDEX lifecycle_stage_change_time_idx ON lifecycle_stage_change (tenant_id, changed_at);
      ALTER TABLE lifecycle_stage_change ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON lifecycle_stage_change
        USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT ON lifecycle_stage_change TO ${RUNTIME_ROLE};
      GRANT UPDATE (contact_id) ON lifecycle_stage_change TO ${RUNTIME_ROLE};

      -- Where each existing contact's history begins: its stage now, since it was created.
      INSERT INTO lifecycle_stage_change (tenant_id, contact_id, to_stage, cause, reason, changed_at)
      SELECT tenant_id, id, lifecycle_stage, 'SYSTEM', 'stage when the history began', created_at
      FROM contact;

      CREATE FUNCTION app.record_lifecycle_changes() RETURNS trigger LANGUAGE plpgsql AS $f$
      DECLARE
        context jsonb := coalesce(nullif(current_setting('app.lifecycle_context', true), '')::jsonb, '{}');
        actor uuid := nullif(current_setting('app.user_id', true), '')::uuid;
        cause text := coalesce(context->>'cause', CASE WHEN actor IS NULL THEN 'SYSTEM' ELSE 'AGENT' END);
      BEGIN
        IF TG_OP = 'INSERT' THEN
          INSERT INTO lifecycle_stage_change (tenant_id, contact_id, to_stage, cause, event, reason, actor_id)
          SELECT n.tenant_id, n.id, n.lifecycle_stage, cause,
                 coalesce(context->'moves'->(n.id::text)->>'event', context->>'event'),
                 coalesce(context->'moves'->(n.id::text)->>'reason', context->>'reason'), actor
          FROM changed_new n;
          RETURN NULL;
        END IF;
        WITH moved AS (
          SELECT n.tenant_id, n.id, o.lifecycle_stage AS from_stage, n.lifecycle_stage AS to_stage,
                 coalesce(context->'moves'->(n.id::text)->>'event', context->>'event') AS event,
                 coalesce(context->'moves'->(n.id::text)->>'reason', context->>'reason') AS reason
          FROM changed_new n
          JOIN changed_old o ON o.tenant_id = n.tenant_id AND o.id = n.id
          WHERE o.lifecycle_stage IS DISTINCT FROM n.lifecycle_stage
        ), history AS (
          INSERT INTO lifecycle_stage_change (tenant_id, contact_id, from_stage, to_stage, cause, event, reason, actor_id)
          SELECT tenant_id, id, from_stage, to_stage, cause, event, reason, actor FROM moved
        )
        INSERT INTO timeline_event (tenant_id, id, contact_id, kind, cause, actor_id, body, data, occurred_at)
        SELECT tenant_id, gen_random_uuid(), id, 'LIFECYCLE_CHANGE',
               CASE WHEN cause = 'AGENT' AND actor IS NOT NULL THEN 'USER'
                    WHEN cause = 'AGENT' THEN 'API_KEY'
                    WHEN cause = 'IMPORT' THEN 'IMPORT'
                    ELSE 'SYSTEM' END,
               actor, from_stage || ' → ' || to_stage || coalesce(': ' || reason, ''),
               jsonb_build_object('from', from_stage, 'to', to_stage, 'cause', cause,
                                  'event', event, 'reason', reason),
               clock_timestamp()
        FROM moved WHERE cause <> 'MERGE';
        RETURN NULL;
      END $f$;
      CREATE TRIGGER contact_lifecycle_insert AFTER INSERT ON contact
        REFERENCING NEW TABLE AS changed_new
        FOR EACH STATEMENT EXECUTE FUNCTION app.record_lifecycle_changes();
      CREATE TRIGGER contact_lifecycle_update AFTER UPDATE ON contact
        REFERENCING NEW TABLE AS changed_new OLD TABLE AS changed_old
        FOR EACH STATEMENT EXECUTE FUNCTION app.record_lifecycle_changes();
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP TRIGGER contact_lifecycle_update ON contact;
      DROP TRIGGER contact_lifecycle_insert ON contact;
      DROP FUNCTION app.record_lifecycle_changes();
      DROP TABLE lifecycle_stage_change;
      ALTER TABLE tenant DROP COLUMN churn_after_days;
    `);
  }
}
