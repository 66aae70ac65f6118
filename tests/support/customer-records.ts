import { newId } from '@socialcrm/api/new-id';
import { withClient } from './databases.js';

/** Contacts of a tenant written straight to the database (as the owner), named as given; their ids in order. */
export async function insertContacts(
  databaseUrl: string,
  tenantId: string,
  names: readonly string[],
): Promise<string[]> {
  const ids = names.map(() => newId());
  await withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    await db.query(
      `INSERT INTO contact (tenant_id, id, display_name)
       SELECT $1, id, name FROM unnest($2::uuid[], $3::text[]) AS n(id, name)`,
      [tenantId, ids, names],
    );
    await db.query('COMMIT');
  });
  return ids;
}
