// The contacts list through the api over HTTP with one million contacts in one tenant: a page
// of 50 with a filter and a search (and its capped totalCount), p50 and p99 over a few hundred
// requests cycling through distinct searches and filters; then the database's own time for
// each (EXPLAIN ANALYZE as the runtime role, under row-level security).
// Seeding writes rows as the owner with row triggers off, the search text and terms as the triggers would.
//   pnpm bench bench/contacts-list.bench.ts     (BENCH_CONTACTS=1000000 BENCH_REQUESTS=400 by default)
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import { startApi } from '../support/api-process.js';
import { databaseUrl, runtimeUrl, withClient } from '../support/databases.js';
import { signIn } from '../support/graphql-client.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';

const CONTACTS = Number(process.env.BENCH_CONTACTS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const COMPANIES = 5_000;
/** BENCH_KEEP=1 keeps the seeded database (its name is printed) to study plans afterwards. */
const KEEP = process.env.BENCH_KEEP === '1';

const QUERY = `query($search: String, $filter: ContactFilter, $sort: ContactSort) {
  contacts(first: 50, search: $search, filter: $filter, sort: $sort) {
    totalCount edges { cursor node { id displayName emails phones country tags lifecycleStage
      identities { channel handle } companies { company { name } } } } pageInfo { hasNextPage endCursor } } }`;

/** Distinct searches and filters, from one match to tens of thousands. */
const VARIANTS: { name: string; variables: Record<string, unknown> }[] = [
  {
    name: 'search surname + country',
    variables: { search: 'garcia', filter: { countries: ['ES'] } },
  },
  { name: 'search first name + tag', variables: { search: 'maria', filter: { tags: ['vip'] } } },
  {
    name: 'search email (1 match) + stage',
    variables: {
      search: 'set from the data',
      filter: { lifecycleStages: ['customer', 'lead'] },
    },
  },
  {
    name: 'search handle + channel',
    variables: { search: 'set from the data' },
  },
  {
    name: 'search company, by name',
    variables: {
      search: 'norte 42',
      filter: { countries: ['MX', 'AR'] },
      sort: { field: 'DISPLAY_NAME', direction: 'ASC' },
    },
  },
  {
    name: 'search domain + consent, updated',
    variables: {
      search: 'mail3.example',
      filter: { emailConsent: true },
      sort: { field: 'UPDATED_AT', direction: 'DESC' },
    },
  },
  {
    name: 'search surname + created range',
    variables: {
      search: 'lopez',
      filter: { createdFrom: '2025-06-01T00:00:00Z', createdTo: '2026-01-01T00:00:00Z' },
    },
  },
  { name: 'no match + tags', variables: { search: 'zzqqxx', filter: { tags: ['b2b'] } } },
];

const FIRST = [
  'maria',
  'jose',
  'ana',
  'juan',
  'lucia',
  'pablo',
  'sofia',
  'carlos',
  'elena',
  'diego',
  'olga',
  'ivan',
  'anna',
  'john',
  'emma',
  'liam',
  'noah',
  'mia',
  'lucas',
  'julia',
];
const LAST = [
  'garcia',
  'lopez',
  'martinez',
  'rodriguez',
  'fernandez',
  'gonzalez',
  'sanchez',
  'perez',
  'ruiz',
  'diaz',
  'smirnov',
  'ivanova',
  'smith',
  'brown',
  'silva',
  'santos',
  'moreno',
  'romero',
  'navarro',
  'torres',
  'castro',
  'vargas',
  'ortiz',
  'rubio',
  'molina',
  'delgado',
  'morales',
  'suarez',
  'ramos',
  'gil',
  'serrano',
  'blanco',
  'medina',
  'garrido',
  'cortes',
  'castillo',
  'santana',
  'iglesias',
  'nunez',
  'cabrera',
  'reyes',
  'herrera',
  'aguilar',
  'mendez',
  'vidal',
  'leon',
  'marquez',
  'pena',
  'flores',
  'cruz',
];
const WORDS = [
  'norte',
  'sur',
  'acme',
  'globex',
  'initech',
  'umbrella',
  'hooli',
  'vandelay',
  'stark',
  'wayne',
];

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function seed(ownerUrl: string, tenantId: string): Promise<void> {
  await withClient(ownerUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    // Bulk seeding as the owner: row triggers off, the search text written as the triggers would.
    await db.query(`SET LOCAL session_replication_role = replica`);
    await db.query(
      `INSERT INTO company (tenant_id, id, name)
       SELECT $1, gen_random_uuid(), initcap(($2::text[])[1 + n % 10]) || ' ' || n FROM generate_series(1, $3) n`,
      [tenantId, WORDS, COMPANIES],
    );
    await db.query(
      `CREATE TEMP TABLE seed ON COMMIT DROP AS
       SELECT n, gen_random_uuid() AS id,
              ($1::text[])[1 + (hashint4(n) & 1023) % 20] AS first_name,
              ($2::text[])[1 + (hashint4(n * 7) & 4095) % 50] AS last_name,
              n % 3 = 0 AS has_identity
       FROM generate_series(1, $3) n`,
      [FIRST, LAST, CONTACTS],
    );
    // Contact n works at company n mod COMPANIES.
    await db.query(
      `CREATE TEMP TABLE company_n ON COMMIT DROP AS
       SELECT row_number() OVER (ORDER BY id) - 1 AS k, id, name FROM company WHERE tenant_id = $1`,
      [tenantId],
    );
    await db.query(
      `INSERT INTO contact (tenant_id, id, display_name, first_name, last_name, emails, phones, language, country, tags,
         lifecycle_stage, email_consent, created_at, updated_at, search_document)
       SELECT $1, s.id, initcap(s.first_name) || ' ' || initcap(s.last_name), initcap(s.first_name), initcap(s.last_name),
              ARRAY[s.first_name || '.' || s.last_name || '.' || s.n || '@mail' || (s.n % 10) || '.example'],
              ARRAY['+3460' || lpad((s.n % 10000000)::text, 7, '0')],
              (ARRAY['es','es','es','en','pt','ru'])[1 + s.n % 6],
              (ARRAY['ES','MX','AR','CO','US','BR','RU','CL','PE','FR'])[1 + (s.n / 7) % 10],
              CASE s.n % 5 WHEN 0 THEN ARRAY['vip', 'newsletter'] WHEN 1 THEN ARRAY['newsletter']
                WHEN 2 THEN ARRAY['b2b'] WHEN 3 THEN ARRAY['event-2026'] ELSE '{}' END,
              (ARRAY['subscriber','lead','marketingQualifiedLead','salesQualifiedLead','opportunity','customer','advocate','churned'])[1 + s.n % 8],
              CASE s.n % 3 WHEN 0 THEN true WHEN 1 THEN false END,
              now() - make_interval(secs => s.n * 63), now() - make_interval(secs => s.n * 31),
              lower(concat_ws(' ', initcap(s.first_name) || ' ' || initcap(s.last_name), s.first_name, s.last_name,
                s.first_name || '.' || s.last_name || '.' || s.n || '@mail' || (s.n % 10) || '.example',
                '+3460' || lpad((s.n % 10000000)::text, 7, '0'),
                CASE WHEN s.has_identity THEN s.first_name || '_' || s.last_name || '_' || s.n || ' ' END,
                c.name))
       FROM seed s JOIN company_n c ON c.k = s.n % $2`,
      [tenantId, COMPANIES],
    );
    await db.query(
      `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle)
       SELECT $1, gen_random_uuid(), s.id, (ARRAY['INSTAGRAM','X','TIKTOK'])[1 + s.n % 3], s.first_name || '_' || s.last_name || '_' || s.n
       FROM seed s WHERE s.has_identity`,
      [tenantId],
    );
    await db.query(
      `INSERT INTO contact_company (tenant_id, contact_id, company_id)
       SELECT $1, s.id, c.id FROM seed s JOIN company_n c ON c.k = s.n % $2`,
      [tenantId, COMPANIES],
    );
    await db.query(
      `INSERT INTO contact_search_term (tenant_id, term, contact_id)
       SELECT tenant_id, app.search_terms(search_document), id FROM contact WHERE tenant_id = $1`,
      [tenantId],
    );
    await db.query('COMMIT');
    await db.query(
      'VACUUM ANALYZE contact, contact_search_term, social_identity, contact_company, company',
    );
  });
}

/** The one-match searches aim at a handle and an email that the seed made, mid-table. */
async function pickRealTargets(ownerUrl: string, tenantId: string): Promise<void> {
  await withClient(ownerUrl, async (db) => {
    const [row] = (
      await db.query(
        `SELECT c.emails[1] AS email, i.handle, i.channel FROM social_identity i
         JOIN contact c ON c.tenant_id = i.tenant_id AND c.id = i.contact_id
         WHERE i.tenant_id = $1 AND i.handle LIKE $2 LIMIT 1`,
        [tenantId, `%\\_${Math.floor(CONTACTS / 6) * 3}`],
      )
    ).rows;
    if (!row) throw new Error('the seed made no identity mid-table');
    for (const variant of VARIANTS) {
      if (variant.name.startsWith('search email')) variant.variables.search = row.email;
      if (variant.name.startsWith('search handle'))
        variant.variables = { search: row.handle, filter: { channels: [row.channel] } };
    }
  });
}

async function timeRequests(graphqlUrl: string, headers: Record<string, string>) {
  const perVariant = new Map<string, number[]>(VARIANTS.map((variant) => [variant.name, []]));
  const all: number[] = [];
  const post = async (variables: Record<string, unknown>) => {
    const started = performance.now();
    const response = await fetch(graphqlUrl, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query: QUERY, variables }),
    });
    const body = (await response.json()) as {
      errors?: unknown;
      data?: { contacts: { totalCount: number } };
    };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return { ms: performance.now() - started, total: body.data?.contacts.totalCount ?? 0 };
  };
  const totals = new Map<string, number>();
  for (const variant of VARIANTS) totals.set(variant.name, (await post(variant.variables)).total); // warm-up
  for (let i = 0; i < REQUESTS; i += 1) {
    const variant = VARIANTS[i % VARIANTS.length] as (typeof VARIANTS)[number];
    const { ms } = await post(variant.variables);
    all.push(ms);
    perVariant.get(variant.name)?.push(ms);
  }
  return { all, perVariant, totals };
}

/** The list statement's own time in the database, as the runtime role sees it (RLS on). */
async function explain(runtime: string, tenantId: string, search: string, countries: string[]) {
  return withClient(runtime, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    const plan = await db.query(
      `EXPLAIN (ANALYZE, FORMAT JSON) SELECT c.id, c.created_at FROM contact c
       WHERE c.tenant_id = $1 AND c.country = ANY ($2::bpchar[]) AND c.id IN (${search
         .split(/\s+/)
         .map(
           (_, index) => `SELECT contact_id FROM contact_search_term WHERE tenant_id = $1
              AND term >= $${3 + index * 2} AND term < $${4 + index * 2}`,
         )
         .join(' INTERSECT ')})
       ORDER BY c.created_at DESC, c.id DESC LIMIT 51`,
      [tenantId, countries, ...search.split(/\s+/).flatMap((word) => [word, `${word}\u{10FFFF}`])],
    );
    await db.query('ROLLBACK');
    const [top] = plan.rows[0]['QUERY PLAN'] as {
      'Execution Time': number;
      Plan: { 'Node Type': string; Plans?: { 'Node Type': string }[] };
    }[];
    return `${top?.['Execution Time'].toFixed(1)} ms (${top?.Plan.Plans?.map((node) => node['Node Type']).join(', ')})`;
  });
}

async function main() {
  const server = await startPostgresServer();
  const name = `scrm_bench_${newId().slice(-8)}`;
  await withClient(server.url, (db) => db.query(`CREATE DATABASE ${name}`));
  const ownerUrl = databaseUrl(server.url, name);
  try {
    await migrate(ownerUrl, 'socialcrm_app_test');
    const world = await createWorld(ownerUrl);
    const tenantId = world.tenants.a;
    const seeding = performance.now();
    await seed(ownerUrl, tenantId);
    console.log(
      `seeded ${CONTACTS.toLocaleString('en-US')} contacts in ${((performance.now() - seeding) / 1000).toFixed(0)} s`,
    );
    const api = await startApi(ownerUrl);
    try {
      const session = await signIn(api.graphqlUrl, world.users.aVIEWER.email, PASSWORD);
      const headers = {
        'content-type': 'application/json',
        authorization: `Bearer ${session.accessToken}`,
        'x-tenant-id': tenantId,
      };
      await pickRealTargets(ownerUrl, tenantId);
      const { all, perVariant, totals } = await timeRequests(api.graphqlUrl, headers);
      const sorted = [...all].sort((a, b) => a - b);
      console.log(
        `\nContacts list, first 50 + totalCount, ${CONTACTS.toLocaleString('en-US')} contacts, ${REQUESTS} sequential requests over HTTP:`,
      );
      console.table(
        VARIANTS.map((variant) => {
          const times = [...(perVariant.get(variant.name) ?? [])].sort((a, b) => a - b);
          return {
            variant: variant.name,
            totalCount: totals.get(variant.name),
            'p50 ms': percentile(times, 50).toFixed(1),
            'p99 ms': percentile(times, 99).toFixed(1),
          };
        }),
      );
      console.log(
        `all: p50 ${percentile(sorted, 50).toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, max ${sorted.at(-1)?.toFixed(1)} ms`,
      );
      console.log('\nEXPLAIN ANALYZE of the page statement (runtime role, RLS on):');
      for (const [search, countries] of [
        ['garcia', ['ES']],
        [
          String(VARIANTS[2]?.variables.search),
          ['ES', 'MX', 'AR', 'CO', 'US', 'BR', 'RU', 'CL', 'PE', 'FR'],
        ],
        ['norte 42', ['MX', 'AR']],
      ] as const)
        console.log(
          `  "${search}" in ${countries.join(',')}: ${await explain(runtimeUrl(ownerUrl), tenantId, search, [...countries])}`,
        );
    } finally {
      await api.stop();
    }
  } finally {
    if (KEEP) console.log(`kept database ${name}`);
    else
      await withClient(server.url, (db) =>
        db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
      );
    await server.stop();
  }
}

await main();
