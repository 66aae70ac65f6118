// Sustained enriched ingest through the bulk NDJSON route, in mentions per second end to end
// (first byte sent to the summary line received), against the physical limit on this machine
// in the same run: a raw COPY of the same rows as the owner, and the api's own statements
// (authors, mentions with their outbox rows, then the feed dispatch; 500 rows per transaction)
// through its OperationScopes as the runtime role under RLS, without enrichment and HTTP.
// Every run writes into a fresh tenant with the same tracked brands.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench bench/mention-ingest.bench.ts
//   BENCH_MENTIONS=50000   posts per run
//   BENCH_STREAMS=1,2      concurrent NDJSON streams (and SQL connections) to measure
//   BENCH_PROFILE=1        one more api run with its CPU profiled (support/cpu-profile), summarised by area
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { createDataSource } from '@socialcrm/api/data-source';
import { feedDispatchScript } from '@socialcrm/api/feed-statements';
import { type GeneratedPost as BenchPost, generatePosts } from '@socialcrm/api/generated-posts';
import { UPSERT_MENTIONS, upsertMentionsParams } from '@socialcrm/api/ingest-statements';
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import { OperationScopes } from '@socialcrm/api/operation-scope';
import { systemContext } from '@socialcrm/api/request-context';
import { UPSERT_AUTHORS, upsertAuthorsParams } from '@socialcrm/api/social-identity-statements';
import { analyzeSentiment, compileBrandMatcher, estimateReach } from '@socialcrm/domain';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { databaseUrl, runtimeUrl, withClient } from '../support/databases.js';
import { gql, signIn } from '../support/graphql-client.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';
import { BENCH_BRANDS, BENCH_REFERENCES } from './support/bench-brands.js';
import {
  type BenchTenant,
  createTenants,
  ownCpuMs,
  pgCpuMeter,
  processCpuMs,
  sleep,
} from './support/bench-tools.js';
import { printProfile, profilerEnv, startProfiling, stopProfiling } from './support/cpu-profile.js';

const MENTIONS = Number(process.env.BENCH_MENTIONS ?? 50_000);
const STREAMS = (process.env.BENCH_STREAMS ?? '1,2').split(',').map(Number);
const PROFILE = process.env.BENCH_PROFILE === '1';
const BATCH = 500;
const TARGET = 5_000;
const RUN_TIMEOUT_MS = 300_000;

interface Row {
  readonly label: string;
  readonly mentions: number;
  readonly ms: number;
  /** CPU ms of the api process, its PostgreSQL backends and this process during the run. */
  readonly apiCpuMs?: number;
  readonly pgCpuMs?: number;
  readonly clientCpuMs?: number;
}

/** A post as the api stores it: what enrichment adds, computed here ahead of the baselines. */
interface StoredRow {
  readonly post: BenchPost;
  readonly handle: string;
  readonly brandIds: string[];
  readonly language: string;
  readonly score: number;
  readonly label: string;
  readonly reach: number;
}

let ownerUrl = '';
let databaseName = '';
let agencyId = '';
let ownerUser = { id: '', email: '' };

async function freshTenant(label: string): Promise<BenchTenant> {
  const [tenant] = await createTenants(ownerUrl, agencyId, ownerUser.id, [
    { name: `Ingest ${label}`, brands: BENCH_BRANDS },
  ]);
  if (!tenant) throw new Error('no tenant');
  await withClient(ownerUrl, (db) => db.query('CHECKPOINT'));
  return tenant;
}

const handleOf = (post: BenchPost) => post.author.handle.replace(/^@/, '').toLowerCase();

/** Posts split over `streams` by author, so concurrent batches never upsert the same author. */
function split<T extends BenchPost>(posts: readonly T[], streams: number): T[][] {
  const parts: T[][] = Array.from({ length: streams }, () => []);
  for (const post of posts) {
    let hash = 0;
    for (const char of post.author.handle) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
    parts[hash % streams]?.push(post);
  }
  return parts;
}

/** Streams `body` to the NDJSON route; resolves with the summary line when it arrives. */
function streamNdjson(
  api: ApiProcess,
  key: string,
  body: Buffer,
): Promise<{ summary: Record<string, number>; resultLines: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL('/api/ingest/mentions', api.url);
    const req = request(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, 'content-type': 'application/x-ndjson' },
    });
    const timer = setTimeout(() => req.destroy(new Error('ingest timed out')), RUN_TIMEOUT_MS);
    req.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    req.on('response', (res) => {
      let tail = '';
      let lines = 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        for (let i = chunk.indexOf('\n'); i !== -1; i = chunk.indexOf('\n', i + 1)) lines++;
        tail = (tail + chunk).slice(-4096);
      });
      res.on('end', () => {
        clearTimeout(timer);
        const last = tail.trimEnd().split('\n').at(-1) ?? '';
        const parsed = JSON.parse(last) as { summary?: Record<string, number>; error?: unknown };
        if (res.statusCode !== 200 || !parsed.summary)
          reject(new Error(`ingest answered ${res.statusCode}: ${last}`));
        else resolve({ summary: parsed.summary, resultLines: lines - 1 });
      });
    });
    const CHUNK = 256 * 1024;
    let offset = 0;
    const write = () => {
      while (offset < body.length) {
        const end = Math.min(body.length, offset + CHUNK);
        const more = req.write(body.subarray(offset, end));
        offset = end;
        if (!more) return void req.once('drain', write);
      }
      req.end();
    };
    write();
  });
}

async function apiRun(
  posts: readonly BenchPost[],
  streams: number,
  profileFile?: string,
): Promise<Row> {
  const tenant = await freshTenant(`api x${streams}${profileFile ? ' profiled' : ''}`);
  const api = await startApi(ownerUrl, profilerEnv(profileFile));
  try {
    const session = await signIn(api.graphqlUrl, ownerUser.email, PASSWORD);
    const keys = await gql<{ createApiKey: { secret: string } }>(
      api.graphqlUrl,
      'mutation { createApiKey(input: { name: "bench", role: AGENT }) { secret } }',
      {},
      { token: session.accessToken, tenantId: tenant.id },
    );
    const key = keys.data?.createApiKey.secret;
    if (!key) throw new Error(`no API key: ${JSON.stringify(keys.errors)}`);
    const bodies = split(posts, streams).map((part) =>
      Buffer.from(part.map((post) => `${JSON.stringify(post)}\n`).join('')),
    );
    // A short warm-up on its own tenant's key would skew nothing here: the first batch is part
    // of a sustained run of 100 batches. Let the process settle after start-up instead.
    await sleep(500);
    const pgCpu = await pgCpuMeter(ownerUrl, databaseName);
    const apiBefore = processCpuMs(api.process.pid);
    const clientBefore = ownCpuMs();
    if (profileFile) startProfiling(api);
    const started = performance.now();
    const answers = await Promise.all(bodies.map((body) => streamNdjson(api, key, body)));
    const ms = performance.now() - started;
    if (profileFile) await stopProfiling(api);
    const apiCpuMs = processCpuMs(api.process.pid) - apiBefore;
    const clientCpuMs = ownCpuMs() - clientBefore;
    const pgCpuMs = await pgCpu();
    const stored = answers.reduce((sum, a) => sum + (a.summary.stored ?? 0), 0);
    const rejected = answers.reduce((sum, a) => sum + (a.summary.rejected ?? 0), 0);
    if (stored !== posts.length || rejected)
      throw new Error(`stored ${stored} of ${posts.length}, rejected ${rejected}`);
    return {
      label: `api NDJSON, enriched, ${streams} stream${streams > 1 ? 's' : ''}`,
      mentions: stored,
      ms,
      apiCpuMs,
      pgCpuMs,
      clientCpuMs,
    };
  } finally {
    await api.stop();
  }
}

/** The bench brands of `tenant`, compiled as the api compiles a tenant's tracked brands. */
function benchMatcher(tenant: BenchTenant) {
  return compileBrandMatcher(
    BENCH_BRANDS.map((brand, i) => ({
      id: tenant.brandIds[i] ?? '',
      keywords: [...brand.keywords],
      hashtags: [...(brand.hashtags ?? [])],
      handles: [...(brand.handles ?? [])],
      excludedTerms: [...(brand.excludedTerms ?? [])],
    })),
  );
}

function enrichAll(posts: readonly BenchPost[], tenant: BenchTenant): StoredRow[] {
  const matcher = benchMatcher(tenant);
  return posts.map((post) => {
    const sentiment = analyzeSentiment(post.text);
    return {
      post,
      handle: handleOf(post),
      brandIds: matcher.match(post.text),
      language: sentiment.language,
      score: sentiment.score,
      label: sentiment.label.toUpperCase(),
      reach: estimateReach({ followers: post.author.followers, ...post.metrics }),
    };
  });
}

const copyText = (value: string | number | null): string =>
  value === null
    ? '\\N'
    : String(value)
        .replace(/\\/g, '\\\\')
        .replace(/\t/g, '\\t')
        .replace(/\n/g, '\\n')
        .replace(/\r/g, '\\r');

async function copyInto(client: pg.Client, sql: string, lines: string[]): Promise<void> {
  const stream = client.query(copyFrom(sql));
  await new Promise<void>((resolve, reject) => {
    stream.on('finish', resolve);
    stream.on('error', reject);
    let i = 0;
    const write = () => {
      while (i < lines.length) {
        const chunk = lines.slice(i, i + 1000).join('');
        i += 1000;
        if (!stream.write(chunk)) return void stream.once('drain', write);
      }
      stream.end();
    };
    write();
  });
}

/** The same rows, authors then mentions, by COPY as the owner in one transaction. */
async function copyRun(posts: readonly BenchPost[]): Promise<Row> {
  const tenant = await freshTenant('copy');
  const rows = enrichAll(posts, tenant);
  const authorIds = new Map<string, string>();
  const authorLines: string[] = [];
  for (const row of rows) {
    const key = `${row.post.channel}\u0000${row.handle}`;
    if (authorIds.has(key)) continue;
    const id = newId();
    authorIds.set(key, id);
    authorLines.push(
      `${[tenant.id, id, row.post.channel, row.handle, row.post.author.displayName ?? null, row.post.author.followers].map(copyText).join('\t')}\n`,
    );
  }
  const mentionLines = rows.map(
    (row) =>
      `${[
        tenant.id,
        newId(),
        row.post.channel,
        row.post.externalId,
        null,
        row.post.text,
        authorIds.get(`${row.post.channel}\u0000${row.handle}`) ?? null,
        `{${row.brandIds.join(',')}}`,
        row.language,
        row.score,
        row.label,
        row.reach,
        row.post.publishedAt,
      ]
        .map(copyText)
        .join('\t')}\n`,
  );
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    const pid = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]
      ?.pid;
    const pgBefore = processCpuMs(pid);
    const started = performance.now();
    await client.query('BEGIN');
    await copyInto(
      client,
      'COPY social_identity (tenant_id, id, channel, handle, display_name, followers) FROM STDIN',
      authorLines,
    );
    await copyInto(
      client,
      `COPY mention (tenant_id, id, channel, external_id, url, body, author_identity_id, brand_ids,
                     language, sentiment_score, sentiment_label, reach, published_at) FROM STDIN`,
      mentionLines,
    );
    await client.query('COMMIT');
    return {
      label: 'raw COPY as owner (authors + mentions, 1 transaction)',
      mentions: rows.length,
      ms: performance.now() - started,
      pgCpuMs: processCpuMs(pid) - pgBefore,
    };
  } finally {
    await client.end();
  }
}

/**
 * The api's own statements through its OperationScopes (500 rows per transaction as the
 * runtime role under RLS, then the feed dispatch), without HTTP, GraphQL or enrichment.
 */
async function apiSqlRun(posts: readonly BenchPost[], connections: number): Promise<Row> {
  const tenant = await freshTenant(`api SQL x${connections}`);
  const parts = split(posts, connections).map((part) => enrichAll(part, tenant));
  const runtime = createDataSource(runtimeUrl(ownerUrl), connections, 'bench-api-sql');
  await runtime.initialize();
  const scopes = new OperationScopes(runtime);
  const storeBatch = async (batch: StoredRow[]) => {
    const ctx = systemContext(tenant.id);
    const stored: unknown[] = await scopes.run(ctx, async (op) => {
      const manager = await op.manager();
      const authors = [...new Map(batch.map((r) => [`${r.post.channel}\u0000${r.handle}`, r]))];
      const authorRows: Array<{ id: string; channel: string; handle: string }> =
        await manager.query(
          UPSERT_AUTHORS,
          upsertAuthorsParams(
            tenant.id,
            authors.map(([, a]) => ({
              channel: a.post.channel,
              handle: a.handle,
              displayName: a.post.author.displayName ?? null,
              followers: a.post.author.followers,
            })),
          ),
        );
      const authorIds = new Map(authorRows.map((r) => [`${r.channel}\u0000${r.handle}`, r.id]));
      return manager.query(
        UPSERT_MENTIONS,
        upsertMentionsParams(
          tenant.id,
          batch.map((r) => ({
            channel: r.post.channel,
            externalId: r.post.externalId,
            url: null,
            body: r.post.text,
            authorId: authorIds.get(`${r.post.channel}\u0000${r.handle}`) ?? null,
            brandIds: r.brandIds,
            language: r.language,
            sentimentScore: r.score,
            sentiment: r.label,
            reach: r.reach,
            publishedAt: r.post.publishedAt,
          })),
        ),
      );
    });
    // The feed dispatch the api runs after each commit.
    await scopes.script(systemContext(tenant.id), feedDispatchScript(tenant.id, false));
    return stored.length;
  };
  try {
    const pgCpu = await pgCpuMeter(ownerUrl, databaseName);
    const clientBefore = ownCpuMs();
    const started = performance.now();
    const counts = await Promise.all(
      parts.map(async (part) => {
        let stored = 0;
        for (let i = 0; i < part.length; i += BATCH)
          stored += await storeBatch(part.slice(i, i + BATCH));
        return stored;
      }),
    );
    const ms = performance.now() - started;
    const stored = counts.reduce((a, b) => a + b, 0);
    if (stored !== posts.length) throw new Error(`api SQL stored ${stored} of ${posts.length}`);
    return {
      label: `api SQL alone as runtime role (RLS), ${connections} conn`,
      mentions: stored,
      ms,
      pgCpuMs: await pgCpu(),
      clientCpuMs: ownCpuMs() - clientBefore,
    };
  } finally {
    await runtime.destroy();
  }
}

/** What the enrichment costs on one core, stage by stage, in this process. */
function stageCosts(posts: readonly BenchPost[], tenant: BenchTenant) {
  const lines = posts.map((post) => JSON.stringify(post));
  const matcher = benchMatcher(tenant);
  const time = (work: (post: BenchPost, i: number) => unknown) => {
    for (let i = 0; i < Math.min(2000, posts.length); i++) work(posts[i] as BenchPost, i);
    const started = performance.now();
    for (let i = 0; i < posts.length; i++) work(posts[i] as BenchPost, i);
    return ((performance.now() - started) * 1000) / posts.length;
  };
  const stages = [
    { stage: 'JSON.parse of the NDJSON line', us: time((_, i) => JSON.parse(lines[i] ?? '{}')) },
    {
      stage: 'language ID + sentiment (analyzeSentiment)',
      us: time((p) => analyzeSentiment(p.text)),
    },
    { stage: 'brand matching', us: time((p) => matcher.match(p.text)) },
    {
      stage: 'reach',
      us: time((p) => estimateReach({ followers: p.author.followers, ...p.metrics })),
    },
    {
      stage: 'JSON.stringify of the result line',
      us: time((p, i) =>
        JSON.stringify({
          line: i,
          externalId: p.externalId,
          outcome: 'STORED',
          mentionId: p.externalId,
          matched: true,
          problems: [],
        }),
      ),
    },
  ];
  return stages;
}

async function main() {
  const server = await startPostgresServer();
  databaseName = `scrm_bench_${newId().slice(-8)}`;
  await withClient(server.url, (db) => db.query(`CREATE DATABASE ${databaseName}`));
  ownerUrl = databaseUrl(server.url, databaseName);
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'ingest-prof-')) : undefined;
  const profileFile = profileDir && join(profileDir, 'api.cpuprofile');
  const rows: Row[] = [];
  try {
    await migrate(ownerUrl, 'socialcrm_app_test');
    const world = await createWorld(ownerUrl);
    agencyId = world.agencies.north;
    ownerUser = world.users.aOWNER;
    const posts = generatePosts(MENTIONS, { references: BENCH_REFERENCES, prefix: 'bench' });
    const sample = enrichAll(posts.slice(0, 5000), await freshTenant('sample'));
    const languages = new Map<string, number>();
    for (const row of sample) languages.set(row.language, (languages.get(row.language) ?? 0) + 1);
    console.log(
      `${MENTIONS} posts, ${new Set(posts.map((p) => `${p.channel}/${handleOf(p)}`)).size} distinct authors; ` +
        `of the first 5,000: ${Math.round((100 * sample.filter((r) => r.brandIds.length).length) / sample.length)} % matched, ` +
        `languages ${[...languages].map(([l, n]) => `${l} ${n}`).join(', ')}`,
    );
    for (const streams of STREAMS) {
      const row = await apiRun(posts, streams);
      rows.push(row);
      console.log(`${row.label}: ${Math.round((row.mentions * 1000) / row.ms)} mentions/s`);
    }
    rows.push(await copyRun(posts));
    console.log(
      `${rows.at(-1)?.label}: ${Math.round((MENTIONS * 1000) / (rows.at(-1)?.ms ?? 1))} mentions/s`,
    );
    for (const connections of STREAMS) {
      rows.push(await apiSqlRun(posts, connections));
      console.log(
        `${rows.at(-1)?.label}: ${Math.round((MENTIONS * 1000) / (rows.at(-1)?.ms ?? 1))} mentions/s`,
      );
    }
    const stages = stageCosts(posts, await freshTenant('stages'));
    if (profileFile) {
      const profiled = await apiRun(posts, Math.max(...STREAMS), profileFile);
      console.log(
        `(profiled run: ${Math.round((profiled.mentions * 1000) / profiled.ms)} mentions/s)`,
      );
    }

    const perSecond = (row: Row) => (row.mentions * 1000) / row.ms;
    const copy = rows.find((row) => row.label.startsWith('raw COPY'));
    const best = Math.max(...rows.filter((r) => r.label.startsWith('api NDJSON')).map(perSecond));
    const usPer = (ms: number | undefined, row: Row) =>
      ms === undefined ? '' : Math.round((ms * 1000) / row.mentions);
    console.log(`\nIngest of ${MENTIONS} mentions into a fresh tenant (4 brands), 2-core machine:`);
    console.table(
      rows.map((row) => ({
        path: row.label,
        s: (row.ms / 1000).toFixed(1),
        'mentions/s': Math.round(perSecond(row)),
        '× COPY': copy ? (perSecond(row) / perSecond(copy)).toFixed(2) : '',
        'api CPU µs/m': usPer(row.apiCpuMs, row),
        'PG CPU µs/m': usPer(row.pgCpuMs, row),
        'bench CPU µs/m': usPer(row.clientCpuMs, row),
      })),
    );
    console.log('Enrichment stages on one core, in this process (µs per mention):');
    console.table(
      stages.map((s) => ({
        stage: s.stage,
        µs: s.us.toFixed(1),
        'max/s on 1 core': Math.round(1e6 / s.us),
      })),
    );
    console.log(
      `Target ${TARGET} enriched mentions/s: ${best >= TARGET ? 'MET' : 'NOT MET'} (best ${Math.round(best)}/s).`,
    );
    if (profileFile) {
      if (!existsSync(profileFile)) console.log('no CPU profile written');
      else printProfile(profileFile, 'the ingest', { name: 'mention', count: MENTIONS });
    }
  } finally {
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
    await withClient(server.url, (db) =>
      db.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`),
    );
    await server.stop();
  }
}

await main();
