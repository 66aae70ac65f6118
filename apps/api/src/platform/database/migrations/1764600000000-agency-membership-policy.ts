import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Defence in depth on the table that decides agency access: the runtime role sees a user's own
 * agency memberships, and inside a tenant's transaction those of the agency running that
 * tenant (who works there); it writes none (agencies are provisioned by the owner role).
 */
export class AgencyMembershipPolicy1764600000000 implements MigrationInterface {
  name = 'AgencyMembershipPolicy1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      ALTER TABLE agency_membership ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY own_or_tenant_agency ON agency_membership
        USING (
          user_id = app.user_id()
          OR EXISTS (
            SELECT 1 FROM tenant t
            WHERE t.agency_id = agency_membership.agency_id AND t.id = ANY (app.tenant_ids())
          )
        )
        WITH CHECK (false);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP POLICY own_or_tenant_agency ON agency_membership;
      ALTER TABLE agency_membership NO FORCE ROW LEVEL SECURITY, DISABLE ROW LEVEL SECURITY;
    `);
  }
}
