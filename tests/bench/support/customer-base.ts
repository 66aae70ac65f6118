// A generated customer base for the segmentation benchmark, written by the owner with
// set-based SQL (generate_series, no rows through node): contacts with varied profiles, some
// social identities, and years of CDNOW-like repeat buying. Every value is a hash of the row
// number, so the same sizes give the same data on every run.
import type pg from 'pg';
import { withClient } from '../../support/databases.js';

export interface CustomerBaseSize {
  readonly contacts: number;
  /** Orders wanted in all (the generated count is within a fraction of a percent of it). */
  readonly orders: number;
}

/** What was generated, and how long each part took. */
export interface CustomerBase {
  readonly contacts: number;
  readonly buyers: number;
  readonly orders: number;
  readonly zeroValueOrders: number;
  readonly negativeOrders: number;
  readonly seconds: Record<string, number>;
}

/** Share of contacts who ever bought, and share of buyers who bought once only (CDNOW: ~60 %). */
const BUYER_SHARE = 0.6;
const ONE_TIMER_SHARE = 0.45;
/** Orders fall in the last two years; contacts were created over the last three. */
const ORDER_DAYS = 730;
const CONTACT_DAYS = 1095;

/**
 * Deterministic uniforms in (0, 1) and UUIDv7-shaped ids (time in the high bits, as the api's
 * `newId` makes them), as session-local SQL functions that the planner inlines.
 */
const HELPERS = `
  CREATE FUNCTION pg_temp.u(x bigint) RETURNS double precision LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT ((hashint8(x)::bigint & 2147483647)::double precision + 0.5) / 2147483648.0 $$;
  CREATE FUNCTION pg_temp.v7(ms bigint, serial bigint) RETURNS uuid LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (lpad(to_hex(ms), 12, '0') || '7' || lpad(to_hex(serial & 4095), 3, '0') || '8'
                  || lpad(to_hex(serial), 15, '0'))::uuid $$;
  CREATE FUNCTION pg_temp.ms(at timestamptz) RETURNS bigint LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT (date_part('epoch', at) * 1000)::bigint $$;
`;

/**
 * One row per contact (row number n): profile and, for buyers, the buying process: order
 * count (a third buy once; the rest a heavy-tailed count so the mean hits the wanted total),
 * first purchase, active span and mean spend.
 */
const PEOPLE = `
  CREATE TEMP TABLE bench_person ON COMMIT DROP AS
  SELECT n, created_at, pg_temp.v7(pg_temp.ms(created_at), n) AS id,
         buyer, CASE WHEN NOT buyer THEN 0
                     WHEN pg_temp.u(n * 32 + 3) < $3 THEN 1
                     ELSE 2 + round($4 * -ln(pg_temp.u(n * 32 + 4)) * -ln(pg_temp.u(n * 32 + 5)))::int
                END AS order_count,
         10 + 110 * pg_temp.u(n * 32 + 6) ^ 2 AS mean_spend
  FROM (
    SELECT n, now() - make_interval(secs => $5 * 86400 * pg_temp.u(n * 32 + 1)) AS created_at,
           pg_temp.u(n * 32 + 2) < $2 AS buyer
    FROM generate_series(1, $1::bigint) n
  ) p
`;

const CONTACTS = `
  INSERT INTO contact (tenant_id, id, display_name, first_name, last_name, emails, phones, language, country, city,
                       tags, lifecycle_stage, gender, birth_date, email_consent, created_at, updated_at, search_document)
  SELECT $1, p.id, first || ' ' || last, first, last,
         ARRAY[lower(first) || '.' || lower(last) || '.' || p.n || '@mail' || (p.n % 7) || '.example'],
         CASE WHEN pg_temp.u(p.n * 32 + 8) < 0.5 THEN ARRAY['+34 6' || lpad((p.n % 100000000)::text, 8, '0')] ELSE '{}' END,
         (ARRAY['es','es','es','en','en','pt','ru','fr'])[1 + (hashint8(p.n * 32 + 9) & 2147483647) % 8],
         country, (ARRAY['Madrid','Barcelona','Sevilla','Valencia','Bilbao'])[1 + (hashint8(p.n * 32 + 10) & 2147483647) % 5],
         CASE (hashint8(p.n * 32 + 11) & 2147483647) % 8 WHEN 1 THEN ARRAY['newsletter'] WHEN 2 THEN ARRAY['vip', 'newsletter']
           WHEN 3 THEN ARRAY['b2b'] WHEN 4 THEN ARRAY['event-2026'] WHEN 5 THEN ARRAY['newsletter', 'event-2026']
           WHEN 6 THEN ARRAY['vip'] ELSE '{}' END,
         CASE WHEN p.buyer THEN (ARRAY['customer','customer','customer','customer','customer','customer','customer','advocate','churned','churned'])[1 + (hashint8(p.n * 32 + 12) & 2147483647) % 10]
              ELSE (ARRAY['subscriber','lead','lead','lead','marketingQualifiedLead','salesQualifiedLead','opportunity','churned'])[1 + (hashint8(p.n * 32 + 12) & 2147483647) % 8] END,
         (ARRAY['female','female','male','male','non_binary','other',NULL,NULL])[1 + (hashint8(p.n * 32 + 13) & 2147483647) % 8],
         CASE WHEN pg_temp.u(p.n * 32 + 14) < 0.85 THEN (now() - make_interval(days => (365.25 * (18 + 62 * pg_temp.u(p.n * 32 + 15) ^ 1.5))::int))::date END,
         CASE (hashint8(p.n * 32 + 16) & 2147483647) % 3 WHEN 0 THEN true WHEN 1 THEN false END,
         p.created_at, p.created_at, ''
  FROM bench_person p
  CROSS JOIN LATERAL (SELECT
    (ARRAY['Maria','Jose','Ana','Juan','Lucia','Pablo','Sofia','Carlos','Elena','Diego','Olga','Ivan','Emma','Liam','Julia','Noah'])[1 + (hashint8(p.n * 32 + 17) & 2147483647) % 16] AS first,
    (ARRAY['Garcia','Lopez','Martinez','Rodriguez','Fernandez','Gonzalez','Sanchez','Perez','Smirnov','Smith','Silva','Santos','Moreno','Romero','Dubois','Brown'])[1 + (hashint8(p.n * 32 + 18) & 2147483647) % 16] AS last,
    (ARRAY['ES','ES','ES','ES','MX','MX','AR','CO','US','US','BR','RU','CL','PE','FR','DE'])[1 + (hashint8(p.n * 32 + 19) & 2147483647) % 16] AS country
  ) names
`;

/** About half the contacts have one social identity, a tenth a second one. */
const IDENTITIES = `
  INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle, followers, created_at, updated_at)
  SELECT $1, pg_temp.v7(pg_temp.ms(p.created_at), p.n * 2 + k), p.id, channel, 'user_' || p.n || '_' || k,
         (10 * exp(9 * pg_temp.u(p.n * 32 + 20 + k)))::int, p.created_at, p.created_at
  FROM bench_person p
  CROSS JOIN LATERAL (VALUES (0), (1)) ks(k)
  CROSS JOIN LATERAL (SELECT (ARRAY['INSTAGRAM','X','TIKTOK','FACEBOOK','LINKEDIN','YOUTUBE'])[1 + (hashint8(p.n * 32 + 22 + k) & 2147483647) % 6] AS channel) c
  WHERE pg_temp.u(p.n * 32 + 24) < CASE k WHEN 0 THEN 0.5 ELSE 0.1 END
`;

/**
 * Order j of buyer n: the first on the first-purchase day, the rest spread with jitter over
 * the buyer's active span (some stop early, as in BG/NBD); amounts around the buyer's mean
 * spend; 1 % free (zero value) and 0.7 % refunds (negative). Inserted in time order, so the
 * time-ordered keys (the UUIDv7 id, the shop's order number) append to their indexes.
 */
const ORDERS = `
  INSERT INTO customer_order (tenant_id, id, external_id, contact_id, ordered_at, amount, currency, reporting_amount, item_count, created_at)
  SELECT $1, pg_temp.v7(ms, serial), 'B' || ms || '-' || serial, contact_id, ordered_at, amount, 'USD', amount, item_count, ordered_at
  FROM (SELECT *, pg_temp.ms(ordered_at) AS ms FROM (
    SELECT (p.n << 20) + j AS serial, p.id AS contact_id,
           first_at + span * ((j - 1) + CASE WHEN j = 1 THEN 0 ELSE pg_temp.u((p.n << 20) + j * 8) END) / p.order_count AS ordered_at,
           CASE WHEN z < 0.010 THEN 0
                WHEN z < 0.017 THEN -round((p.mean_spend * (0.4 + 1.2 * pg_temp.u((p.n << 20) + j * 8 + 2)))::numeric, 2)
                ELSE round((p.mean_spend * (0.4 + 1.2 * pg_temp.u((p.n << 20) + j * 8 + 2)))::numeric, 2) END AS amount,
           1 + (hashint8((p.n << 20) + j * 8 + 3) & 3) AS item_count
    FROM bench_person p
    CROSS JOIN LATERAL (SELECT greatest(p.created_at, now() - make_interval(days => $2)) AS opened) o
    CROSS JOIN LATERAL (SELECT o.opened + (now() - o.opened) * 0.9 * pg_temp.u(p.n * 32 + 25) ^ 1.5 AS first_at) f
    CROSS JOIN LATERAL (SELECT (now() - f.first_at) * (0.15 + 0.85 * pg_temp.u(p.n * 32 + 26)) AS span) s
    CROSS JOIN LATERAL generate_series(1, p.order_count) j
    CROSS JOIN LATERAL (SELECT pg_temp.u((p.n << 20) + j * 8 + 1) AS z) zz
    WHERE p.buyer
    OFFSET 0
  ) o) timed
  ORDER BY ms
`;

/**
 * What the upkeep's metrics step keeps per contact (order count, revenue, first and last
 * order; channels and followers from identities), written once here so the measured jobs
 * start from a current base without a million-contact upkeep run first.
 */
const METRICS = `
  INSERT INTO contact_metrics (tenant_id, contact_id, channels, followers, order_count, revenue, first_order_at, last_order_at)
  SELECT c.tenant_id, c.id, coalesce(i.channels, '{}'), i.followers,
         coalesce(o.order_count, 0), coalesce(o.revenue, 0), o.first_order_at, o.last_order_at
  FROM contact c
  LEFT JOIN (SELECT contact_id, count(*)::int AS order_count, sum(reporting_amount) AS revenue,
                    min(ordered_at) AS first_order_at, max(ordered_at) AS last_order_at
             FROM customer_order WHERE tenant_id = $1 GROUP BY contact_id) o ON o.contact_id = c.id
  LEFT JOIN (SELECT contact_id, array_agg(DISTINCT lower(channel) ORDER BY lower(channel)) AS channels, sum(followers)::bigint AS followers
             FROM social_identity WHERE tenant_id = $1 GROUP BY contact_id) i ON i.contact_id = c.id
  WHERE c.tenant_id = $1
`;

/** Secondary indexes of a table (not backing a constraint): dropped for a bulk load, rebuilt after. */
async function secondaryIndexes(
  db: pg.Client,
  table: string,
): Promise<{ name: string; definition: string }[]> {
  const { rows } = await db.query<{ name: string; definition: string }>(
    `SELECT i.relname AS name, pg_get_indexdef(i.oid) AS definition
     FROM pg_index x JOIN pg_class i ON i.oid = x.indexrelid
     WHERE x.indrelid = $1::regclass AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.oid)`,
    [table],
  );
  return rows;
}

/**
 * Generates the base in `tenantId` as the owner, row triggers off (the search text and the
 * upkeep's change notes are not what this measures), then ANALYZEs.
 */
export async function generateCustomerBase(
  ownerUrl: string,
  tenantId: string,
  size: CustomerBaseSize,
): Promise<CustomerBase> {
  const seconds: Record<string, number> = {};
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const started = performance.now();
    const result = await work();
    seconds[name] = (performance.now() - started) / 1000;
    return result;
  };
  const buyers = size.contacts * BUYER_SHARE;
  // Mean order count of repeat buyers so that all buyers together place `orders` (the count of
  // a repeat buyer is 2 + round(scale · E1 · E2), E1 · E2 having mean 1).
  const repeatScale = Math.max(
    0,
    (size.orders / buyers - ONE_TIMER_SHARE) / (1 - ONE_TIMER_SHARE) - 2,
  );
  return withClient(ownerUrl, async (db) => {
    // Big sorts in memory; no JIT (it compiles the generators' expressions for seconds).
    await db.query(`SET work_mem = '512MB'; SET maintenance_work_mem = '1GB'; SET jit = off`);
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query(HELPERS);
    await timed('people', () =>
      db.query(PEOPLE, [size.contacts, BUYER_SHARE, ONE_TIMER_SHARE, repeatScale, CONTACT_DAYS]),
    );
    await db.query('ANALYZE bench_person');
    const contactIndexes = await secondaryIndexes(db, 'contact');
    const orderIndexes = await secondaryIndexes(db, 'customer_order');
    for (const { name } of [...contactIndexes, ...orderIndexes])
      await db.query(`DROP INDEX ${name}`);
    await timed('contacts', () => db.query(CONTACTS, [tenantId]));
    await timed('identities', () => db.query(IDENTITIES, [tenantId]));
    await timed('orders', () => db.query(ORDERS, [tenantId, ORDER_DAYS]));
    await timed('indexes', async () => {
      for (const { definition } of [...contactIndexes, ...orderIndexes]) await db.query(definition);
    });
    await timed('metrics', () => db.query(METRICS, [tenantId]));
    const { rows } = await db.query<{
      buyers: string;
      orders: string;
      zero: string;
      negative: string;
    }>(
      `SELECT (SELECT count(*) FROM bench_person WHERE buyer) AS buyers, count(*) AS orders,
              count(*) FILTER (WHERE amount = 0) AS zero, count(*) FILTER (WHERE amount < 0) AS negative
       FROM customer_order WHERE tenant_id = $1`,
      [tenantId],
    );
    await db.query('COMMIT');
    await timed('analyze', () =>
      db.query('VACUUM ANALYZE contact, social_identity, customer_order, contact_metrics'),
    );
    const [counts] = rows;
    return {
      contacts: size.contacts,
      buyers: Number(counts?.buyers),
      orders: Number(counts?.orders),
      zeroValueOrders: Number(counts?.zero),
      negativeOrders: Number(counts?.negative),
      seconds,
    };
  });
}
