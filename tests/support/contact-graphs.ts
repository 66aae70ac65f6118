import { newId } from '@socialcrm/api/new-id';
import type pg from 'pg';
import { withClient } from './databases.js';

/** Runs `work` as the database owner in one transaction that sees the given tenants' rows. */
export async function asOwner<T>(
  databaseUrl: string,
  tenantIds: readonly string[],
  work: (db: pg.Client) => Promise<T>,
): Promise<T> {
  return withClient(databaseUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantIds.join(',')}}`]);
    const result = await work(db);
    await db.query('COMMIT');
    return result;
  });
}

/** A contact to write straight to the database; unset fields take the column defaults. */
export interface ContactSeed {
  readonly displayName: string;
  readonly firstName?: string | null;
  readonly lastName?: string | null;
  readonly emails?: readonly string[];
  readonly phones?: readonly string[];
  readonly tags?: readonly string[];
  readonly city?: string | null;
  readonly lifecycleStage?: string;
  readonly emailConsent?: boolean | null;
  readonly emailConsentAt?: string | null;
  readonly customFields?: Record<string, string>;
  readonly externalId?: string | null;
}

/** What hangs on a seeded contact. */
export interface ContactHoldings {
  readonly identities?: ReadonlyArray<{ channel: string; handle: string; profileUrl?: string }>;
  readonly notes?: ReadonlyArray<{ versions: number }>;
  readonly orders?: number;
  readonly engagementEvents?: number;
  readonly companies?: ReadonlyArray<{ companyId: string; role: string | null }>;
}

export async function insertContact(
  db: pg.Client,
  tenantId: string,
  seed: ContactSeed,
  holdings: ContactHoldings = {},
): Promise<string> {
  const id = newId();
  await db.query(
    `INSERT INTO contact (tenant_id, id, display_name, first_name, last_name, emails, phones, tags, city,
                          lifecycle_stage, email_consent, email_consent_at, custom_fields, external_id)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
    [
      tenantId,
      id,
      seed.displayName,
      seed.firstName ?? null,
      seed.lastName ?? null,
      seed.emails ?? [],
      seed.phones ?? [],
      seed.tags ?? [],
      seed.city ?? null,
      seed.lifecycleStage ?? 'lead',
      seed.emailConsent ?? null,
      seed.emailConsentAt ?? null,
      JSON.stringify(seed.customFields ?? {}),
      seed.externalId ?? null,
    ],
  );
  for (const identity of holdings.identities ?? [])
    await db.query(
      `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle, profile_url)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [tenantId, newId(), id, identity.channel, identity.handle, identity.profileUrl ?? null],
    );
  for (const note of holdings.notes ?? []) {
    const eventId = newId();
    await db.query(
      `INSERT INTO timeline_event (tenant_id, id, contact_id, kind, cause, body, occurred_at)
       VALUES ($1, $2, $3, 'NOTE', 'SYSTEM', 'a note', now())`,
      [tenantId, eventId, id],
    );
    for (let version = 1; version <= note.versions; version += 1)
      await db.query(
        `INSERT INTO timeline_note_version (tenant_id, event_id, version, body, written_at)
         VALUES ($1, $2, $3, 'earlier text', now())`,
        [tenantId, eventId, version],
      );
  }
  for (let n = 0; n < (holdings.orders ?? 0); n += 1)
    await db.query(
      `INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency,
                                   reporting_amount, item_count)
       VALUES ($1, $2, $3, $4, now(), 10.5, 'USD', 10.5, 1)`,
      [tenantId, newId(), `order-${newId()}`, id],
    );
  for (let n = 0; n < (holdings.engagementEvents ?? 0); n += 1)
    await db.query(
      `INSERT INTO engagement_event (tenant_id, id, external_id, contact_id, kind, occurred_at)
       VALUES ($1, $2, $3, $4, 'OPENED', now())`,
      [tenantId, newId(), `event-${newId()}`, id],
    );
  for (const link of holdings.companies ?? [])
    await db.query(
      'INSERT INTO contact_company (tenant_id, contact_id, company_id, role) VALUES ($1, $2, $3, $4)',
      [tenantId, id, link.companyId, link.role],
    );
  return id;
}

export async function insertCompany(db: pg.Client, tenantId: string, name: string) {
  const id = newId();
  await db.query('INSERT INTO company (tenant_id, id, name) VALUES ($1, $2, $3)', [
    tenantId,
    id,
    name,
  ]);
  return id;
}

/** Every row a merge may touch in a tenant, as comparable text (a failed merge must leave it). */
export async function customerMemorySnapshot(db: pg.Client, tenantId: string): Promise<string[]> {
  const tables = [
    'contact',
    'social_identity',
    'timeline_event',
    'timeline_note_version',
    'customer_order',
    'engagement_event',
    'contact_company',
    'contact_merge',
    'contact_duplicate_dismissal',
  ];
  const snapshot: string[] = [];
  for (const table of tables) {
    const { rows } = await db.query(
      `SELECT t::text AS row FROM ${table} t WHERE t.tenant_id = $1 ORDER BY t::text`,
      [tenantId],
    );
    snapshot.push(...rows.map((row: { row: string }) => `${table} ${row.row}`));
  }
  return snapshot;
}

/** How many rows of each kind a merge must keep, in a tenant. */
export interface HoldingCounts {
  readonly identities: number;
  readonly timelineEntries: number;
  readonly noteVersions: number;
  readonly orders: number;
  readonly engagementEvents: number;
}

export async function holdingCounts(db: pg.Client, tenantId: string): Promise<HoldingCounts> {
  const { rows } = await db.query(
    `SELECT (SELECT count(*)::int FROM social_identity WHERE tenant_id = $1) AS identities,
            (SELECT count(*)::int FROM timeline_event WHERE tenant_id = $1) AS "timelineEntries",
            (SELECT count(*)::int FROM timeline_note_version WHERE tenant_id = $1) AS "noteVersions",
            (SELECT count(*)::int FROM customer_order WHERE tenant_id = $1) AS orders,
            (SELECT count(*)::int FROM engagement_event WHERE tenant_id = $1) AS "engagementEvents"`,
    [tenantId],
  );
  return rows[0] as HoldingCounts;
}
