import pg from 'pg';
import { hashPassword } from '../auth/password.js';
import { newId } from './new-id.js';

export const DEMO_PASSWORD = 'Demo-pass-2026!';

/** The demo sign-ins printed at start-up. */
export const DEMO_USERS = [
  { email: 'admin@lumen.example', name: 'Ana Admin', note: 'agency admin: both brands, as owner' },
  {
    email: 'member@lumen.example',
    name: 'Marco Member',
    note: 'agency member: both brands, as manager',
  },
  { email: 'owner@aurora.example', name: 'Olga Owner', note: 'owner of Café Aurora only' },
  { email: 'client@aurora.example', name: 'Carla Client', note: 'viewer of Café Aurora only' },
] as const;

/** The demo tenants, found by slug (they are seeded once; a restart looks them up). */
export async function demoTenantIds(
  ownerUrl: string,
): Promise<{ aurora: string; nova: string } | null> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string; slug: string }>(
      `SELECT id, slug FROM tenant WHERE slug IN ('cafe-aurora', 'nova-sports')`,
    );
    const aurora = rows.find((row) => row.slug === 'cafe-aurora')?.id;
    const nova = rows.find((row) => row.slug === 'nova-sports')?.id;
    return aurora && nova ? { aurora, nova } : null;
  } finally {
    await client.end();
  }
}

/**
 * A demo agency running two brands, seeded once (when no agency exists yet). Runs as the
 * owner with both demo tenants admitted, so it works whether or not the owner bypasses RLS.
 */
export async function seedDemoData(ownerUrl: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query('LOCK TABLE agency IN EXCLUSIVE MODE');
    const { rowCount } = await client.query('SELECT 1 FROM agency LIMIT 1');
    if (rowCount) {
      await client.query('ROLLBACK');
      return false;
    }
    const agency = newId();
    const aurora = newId();
    const nova = newId();
    await client.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${aurora},${nova}}`]);
    await client.query(`INSERT INTO agency (id, name, slug) VALUES ($1, 'Lumen Agency', 'lumen')`, [
      agency,
    ]);
    await client.query(
      `INSERT INTO tenant (id, agency_id, name, slug, reporting_currency)
       VALUES ($1, $3, 'Café Aurora', 'cafe-aurora', 'EUR'), ($2, $3, 'Nova Sports', 'nova-sports', 'EUR')`,
      [aurora, nova, agency],
    );
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const ids = DEMO_USERS.map(() => newId());
    for (const [index, user] of DEMO_USERS.entries()) {
      await client.query(
        'INSERT INTO app_user (id, email, name, password_hash, locale) VALUES ($1, $2, $3, $4, $5)',
        [ids[index], user.email, user.name, passwordHash, 'es'],
      );
    }
    const [admin, member, owner, viewer] = ids;
    await client.query(
      `INSERT INTO agency_membership (agency_id, user_id, role) VALUES ($1, $2, 'ADMIN'), ($1, $3, 'MEMBER')`,
      [agency, admin, member],
    );
    await client.query(
      `INSERT INTO membership (tenant_id, user_id, role) VALUES ($1, $2, 'OWNER'), ($1, $3, 'VIEWER'), ($4, $5, 'OWNER')`,
      [aurora, owner, viewer, nova, admin],
    );
    const brand = `INSERT INTO tracked_brand (tenant_id, id, name, kind, keywords, hashtags, handles, excluded_terms)
                   VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`;
    await client.query(brand, [
      aurora,
      newId(),
      'Café Aurora',
      'OWN',
      ['café aurora'],
      ['#cafeaurora'],
      ['@cafeaurora'],
      ['aurora boreal'],
    ]);
    await client.query(brand, [
      aurora,
      newId(),
      'Starbucks',
      'COMPETITOR',
      ['starbucks'],
      ['#starbucks'],
      ['@starbucks'],
      [],
    ]);
    await client.query(brand, [
      nova,
      newId(),
      'Nova Sports',
      'OWN',
      ['nova sports'],
      ['#novasports'],
      ['@novasports'],
      [],
    ]);
    await client.query(brand, [
      nova,
      newId(),
      'Decathlon',
      'COMPETITOR',
      ['decathlon'],
      ['#decathlon'],
      ['@decathlon'],
      [],
    ]);
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    await client.end();
  }
}
