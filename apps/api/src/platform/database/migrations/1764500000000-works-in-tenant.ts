import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * "Does this user work in this tenant?" (a member of it, or of the agency that runs it) in
 * one place, for the checks that ask it about someone other than the signed-in user: the live
 * feed's re-check of its subscribers and the choice of an assignee. Runs with the caller's
 * rights, so row-level security applies: ask it inside the tenant's transaction (the tenant in
 * `app.tenant_ids`), where the tenant's memberships are visible.
 */
export class WorksInTenant1764500000000 implements MigrationInterface {
  name = 'WorksInTenant1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app.works_in_tenant(p_user uuid, p_tenant uuid) RETURNS boolean
      LANGUAGE sql STABLE AS $f$
        SELECT EXISTS (SELECT 1 FROM membership m WHERE m.tenant_id = p_tenant AND m.user_id = p_user)
            OR EXISTS (SELECT 1 FROM agency_membership am JOIN tenant t ON t.agency_id = am.agency_id
                       WHERE t.id = p_tenant AND am.user_id = p_user)
      $f$;
      GRANT EXECUTE ON FUNCTION app.works_in_tenant(uuid, uuid) TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION app.works_in_tenant(uuid, uuid)');
  }
}
