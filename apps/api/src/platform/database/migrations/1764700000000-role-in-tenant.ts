import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Everyone with access to a tenant and how: a direct membership, the agency that runs it
 * (admin acts as owner, member as manager), or both; the strongest role wins, as for the
 * signed-in user's own access. Runs with the caller's rights: ask inside the tenant.
 */
export class RoleInTenant1764700000000 implements MigrationInterface {
  name = 'RoleInTenant1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE FUNCTION app.tenant_access(p_tenant uuid)
      RETURNS TABLE (user_id uuid, role text, direct_role text, agency_role text)
      LANGUAGE sql STABLE AS $f$
        SELECT u.id,
               (ARRAY['VIEWER', 'AGENT', 'MANAGER', 'OWNER'])[greatest(
                 array_position(ARRAY['VIEWER', 'AGENT', 'MANAGER', 'OWNER'], m.role),
                 CASE am.role WHEN 'ADMIN' THEN 4 WHEN 'MEMBER' THEN 3 END)],
               m.role, am.role
        FROM app_user u
        LEFT JOIN membership m ON m.user_id = u.id AND m.tenant_id = p_tenant
        LEFT JOIN (
          SELECT a.user_id, a.role FROM agency_membership a
          JOIN tenant t ON t.agency_id = a.agency_id WHERE t.id = p_tenant
        ) am ON am.user_id = u.id
        WHERE m.user_id IS NOT NULL OR am.user_id IS NOT NULL
      $f$;
      GRANT EXECUTE ON FUNCTION app.tenant_access(uuid) TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP FUNCTION app.tenant_access(uuid)');
  }
}
