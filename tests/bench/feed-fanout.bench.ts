// The live feed's fan-out: publish-to-receive latency with 1,000 real graphql-ws subscribers
// (one WebSocket each, 100 per tenant over 10 tenants) while a publisher ingests mentions at a
// steady rate through the GraphQL `ingestMentions` mutation, one mutation per tenant and tick.
// The publish time (epoch ms, taken just before the mutation is sent) is in each externalId;
// every subscriber records receive time - publish time and counts what it got per mention.
// Configurations: one api process (in-memory signals); two api processes sharing the database
// and Redis, 500 subscribers each (50 of each tenant), publishing through the first.
// All runs share one database, vacuumed before each.
// Subscribers run in a child process of their own (support/feed-subscribers.mjs) so the CPU
// time of the api, the clients and the publisher is measured apart.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres REDIS_URL=redis://127.0.0.1:6379 \
//     pnpm bench bench/feed-fanout.bench.ts
// Each run starts its own api process(es) and subscribers, publishes one mention per tenant
// until every subscriber follows the feed, then BENCH_WARMUP_SECONDS at the rate (uncounted),
// then BENCH_SECONDS measured, then drains what is still owed.
//   BENCH_SECONDS=20        measured publishing time per run
//   BENCH_RATES=100,250,500 mentions per second
//   BENCH_CONFIGS=single,replicas
//   BENCH_SUBSCRIPTIONS=mentionAdded,mentionsAdded   entry by entry, and in batches
//   BENCH_TICK_MS=100       one mutation per tenant every tick
//   BENCH_STAGGER=1         tenants publish spread over the tick instead of all at its start
//   BENCH_SUBSCRIBERS=100   per tenant
//   BENCH_DRAIN_SECONDS=5   how long deliveries may still arrive after publishing stops
//   BENCH_RUNS=1            runs of each configuration; with more, also their latencies pooled
//   BENCH_WARMUP_SECONDS=5  publishing at the rate, uncounted, before the measured window
//   BENCH_TIMELINE=1        print each second's delivery p99 and max and mutation p99
//   BENCH_PROFILE=1         profile the (first) api process over each publishing window
import { type ChildProcess, fork } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { databaseUrl, withClient } from '../support/databases.js';
import { signIn } from '../support/graphql-client.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';
import {
  type BenchTenant,
  createTenants,
  ownCpuMs,
  pgCpuMeter,
  processCpuMs,
  sleep,
} from './support/bench-tools.js';
import { printProfile, profilerEnv, startProfiling, stopProfiling } from './support/cpu-profile.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATES = (process.env.BENCH_RATES ?? '100,250,500').split(',').map(Number);
const CONFIGS = (process.env.BENCH_CONFIGS ?? 'single,replicas').split(',') as Array<
  'single' | 'replicas'
>;
const SUBSCRIPTIONS = (process.env.BENCH_SUBSCRIPTIONS ?? 'mentionAdded,mentionsAdded').split(',');
const TICK_MS = Number(process.env.BENCH_TICK_MS ?? 100);
const STAGGER = process.env.BENCH_STAGGER === '1';
const PER_TENANT = Number(process.env.BENCH_SUBSCRIBERS ?? 100);
const DRAIN_SECONDS = Number(process.env.BENCH_DRAIN_SECONDS ?? 5);
const PROFILE = process.env.BENCH_PROFILE === '1';
const TIMELINE = process.env.BENCH_TIMELINE === '1';
const RUNS = Number(process.env.BENCH_RUNS ?? 1);
const WARMUP_SECONDS = Number(process.env.BENCH_WARMUP_SECONDS ?? 5);
const TENANTS = 10;
// Stop a configuration early once this many seconds of deliveries are owed, or the last
// second's p99 is above COLLAPSE_P99_MS, or this many mutations are still in flight.
const COLLAPSE_BACKLOG_SECONDS = 5;
const COLLAPSE_P99_MS = 10_000;
// Three seconds of mutations (one per tenant and tick) still unanswered.
const MAX_IN_FLIGHT = Math.ceil((3_000 / TICK_MS) * TENANTS);
const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
// The single process uses in-memory signals; startApi passes REDIS_URL through when set.
delete process.env.REDIS_URL;

const INGEST = `mutation($input: [IngestMentionInput!]!) { ingestMentions(input: $input) { externalId outcome matched } }`;
const SUBSCRIBERS = fileURLToPath(new URL('./support/feed-subscribers.mjs', import.meta.url));
const now = () => performance.timeOrigin + performance.now();

interface Status {
  warmed: number;
  received: number;
  errors: number;
  completed: number;
  firstError: string;
  lastP99: number;
  lastMax: number;
}

interface Results {
  expected: number;
  delivered: number;
  duplicates: number;
  missing: number;
  overflow: number;
  errors: number;
  completed: number;
  firstError: string;
  max: number;
  /** [bucket, count] of the non-empty latency buckets, `bucketsPerMs` to the millisecond. */
  histogram: Array<[number, number]>;
  bucketsPerMs: number;
}

/** The subscriber process, driven by request/answer messages. */
class SubscriberHost {
  private next = 0;
  private readonly waiting = new Map<
    number,
    { resolve: (v: unknown) => void; reject: (e: Error) => void }
  >();
  readonly child: ChildProcess;

  constructor() {
    this.child = fork(SUBSCRIBERS, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child.on(
      'message',
      (message: { id: number; ok: boolean; value?: unknown; error?: string }) => {
        const waiter = this.waiting.get(message.id);
        this.waiting.delete(message.id);
        if (message.ok) waiter?.resolve(message.value);
        else waiter?.reject(new Error(message.error));
      },
    );
    this.child.on('exit', () => {
      for (const waiter of this.waiting.values()) waiter.reject(new Error('subscribers exited'));
      this.waiting.clear();
    });
  }

  call<T>(type: string, payload?: unknown, timeoutMs = 60_000): Promise<T> {
    const id = this.next++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error(`subscribers: ${type} timed out`));
      }, timeoutMs);
      this.waiting.set(id, {
        resolve: (value) => {
          clearTimeout(timer);
          resolve(value as T);
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      this.child.send({ id, type, payload });
    });
  }

  async close(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    await this.call('close', undefined, 10_000).catch(() => {});
    await Promise.race([exited, sleep(5_000)]);
    if (this.child.exitCode === null) this.child.kill('SIGKILL');
  }
}

interface Outcome {
  config: string;
  subscription: string;
  rate: number;
  seconds: number;
  collapsed: string;
  published: number;
  results: Results;
  /** Of this run's deliveries. */
  p50: number;
  p99: number;
  apiCpuMs: number;
  pgCpuMs: number;
  clientCpuMs: number;
  publisherCpuMs: number;
  windowMs: number;
  mutationP50: number;
  mutationP99: number;
}

async function publish(
  api: ApiProcess,
  token: string,
  tenantId: string,
  input: unknown[],
): Promise<Array<{ externalId: string; outcome: string; matched: boolean }>> {
  const response = await fetch(api.graphqlUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${token}`,
      'x-tenant-id': tenantId,
    },
    body: JSON.stringify({ query: INGEST, variables: { input } }),
  });
  const body = (await response.json()) as {
    data?: { ingestMentions: Array<{ externalId: string; outcome: string; matched: boolean }> };
    errors?: unknown;
  };
  if (!body.data) throw new Error(`ingest failed: ${JSON.stringify(body.errors)}`);
  return body.data.ingestMentions;
}

const post = (tenant: number, externalId: string, text: string) => ({
  channel: 'X',
  externalId,
  text,
  publishedAt: new Date().toISOString(),
  author: { handle: `@fan_${tenant}_${externalId.length % 7}`, followers: 300 },
});

/**
 * Publishes `rate` mentions per second through `api` until stopped: each tenant its share once
 * per tick, all at the tick (a burst of TENANTS mutations) or, with BENCH_STAGGER=1, tenant k
 * at k/TENANTS of the tick (sources that do not keep time with each other). Ids are
 * `<label>~<tenant>~<n>~<publish epoch ms>`; `published[t]` collects the n the api stored and
 * matched.
 */
function startPublishing(
  api: ApiProcess,
  token: string,
  tenants: readonly BenchTenant[],
  rate: number,
  label: 'warm' | 'f',
) {
  const published: number[][] = tenants.map(() => []);
  const mutationMs: number[] = [];
  const failures = { count: 0, first: '' };
  const counters = tenants.map(() => 0);
  const sentBy = tenants.map(() => 0);
  let inFlight = 0;
  const started = performance.now();
  const tick = (k: number) => {
    const due =
      Math.floor(((performance.now() - started) / 1000) * (rate / TENANTS)) - (sentBy[k] ?? 0);
    if (due <= 0) return;
    sentBy[k] = (sentBy[k] ?? 0) + due;
    inFlight++;
    const at = now();
    const input = Array.from({ length: due }, () => {
      const n = counters[k] ?? 0;
      counters[k] = n + 1;
      return post(
        k,
        `${label}~${k}~${n}~${at.toFixed(2)}`,
        `Brand T${k} live post number ${n}, love it`,
      );
    });
    publish(api, token, tenants[k]?.id ?? '', input)
      .then((rows) => {
        mutationMs.push(now() - at);
        for (const row of rows)
          if (row.outcome === 'STORED' && row.matched)
            published[k]?.push(Number(row.externalId.split('~')[2]));
      })
      .catch((error: Error) => {
        failures.count++;
        failures.first ||= error.message.slice(0, 300);
      })
      .finally(() => {
        inFlight--;
      });
  };
  const timers: NodeJS.Timeout[] = [];
  const starters = tenants.map((_, k) =>
    setTimeout(
      () => timers.push(setInterval(() => tick(k), TICK_MS)),
      STAGGER ? (k * TICK_MS) / TENANTS : 0,
    ),
  );
  return {
    published,
    mutationMs,
    failures,
    started,
    inFlight: () => inFlight,
    stop() {
      for (const timer of [...starters, ...timers]) clearTimeout(timer);
    },
  };
}

async function runOne(
  config: 'single' | 'replicas',
  subscription: string,
  rate: number,
  ownerUrl: string,
  database: string,
  email: string,
  tenants: readonly BenchTenant[],
): Promise<Outcome> {
  const apis: ApiProcess[] = [];
  let host: SubscriberHost | undefined;
  const profileDir = PROFILE ? mkdtempSync(join(tmpdir(), 'fanout-prof-')) : undefined;
  const profileFile = profileDir && join(profileDir, 'api.cpuprofile');
  const profiled = profilerEnv(profileFile);
  try {
    if (config === 'single') apis.push(await startApi(ownerUrl, profiled));
    else
      apis.push(
        ...(await Promise.all([
          startApi(ownerUrl, { REDIS_URL, ...profiled }),
          startApi(ownerUrl, { REDIS_URL }),
        ])),
      );
    const publisherApi = apis[0] as ApiProcess;
    const { accessToken } = await signIn(publisherApi.graphqlUrl, email, PASSWORD);
    host = new SubscriberHost();
    const subscribers = tenants.flatMap((_, tenant) =>
      Array.from({ length: PER_TENANT }, (_, i) => ({
        tenant,
        url: (apis[i % apis.length] as ApiProcess).graphqlUrl.replace('http', 'ws'),
      })),
    );
    const capacity = Math.ceil(((rate * SECONDS) / TENANTS) * 1.2) + 100;
    await host.call('start', {
      subscribers,
      token: accessToken,
      tenantIds: tenants.map((t) => t.id),
      capacity,
      field: subscription,
    });

    // Warm-up: one mention per tenant, until every subscriber has it (so all are following).
    const warmUntil = Date.now() + 60_000;
    let status = await host.call<Status>('status');
    for (let round = 0; status.warmed < subscribers.length; round++) {
      if (Date.now() > warmUntil)
        throw new Error(
          `only ${status.warmed} of ${subscribers.length} subscribers follow the feed (${status.errors} errors: ${status.firstError})`,
        );
      if (round % 20 === 0)
        await Promise.all(
          tenants.map((t, k) =>
            publish(publisherApi, accessToken, t.id, [
              post(k, `warm~${k}~${round}~${newId()}`, `Brand T${k} warm-up`),
            ]),
          ),
        );
      await sleep(250);
      status = await host.call<Status>('status');
    }
    // Then the full rate for a while, uncounted: a freshly started api runs its first seconds
    // under load far slower than it sustains afterwards, which is what the aim is about.
    if (WARMUP_SECONDS > 0) {
      const warm = startPublishing(publisherApi, accessToken, tenants, rate, 'warm');
      await sleep(WARMUP_SECONDS * 1000);
      warm.stop();
      while (warm.inFlight() > 0) await sleep(50);
      if (warm.failures.count)
        throw new Error(`${warm.failures.count} warm-up mutations failed: ${warm.failures.first}`);
    }
    await sleep(1_000);
    status = await host.call<Status>('status'); // resets the per-second window
    const receivedBefore = status.received;

    const apiBefore = apis.map((a) => processCpuMs(a.process.pid));
    const pgCpu = await pgCpuMeter(ownerUrl, database);
    const clientBefore = processCpuMs(host.child.pid);
    const publisherBefore = ownCpuMs();
    let collapsed = '';
    if (profileFile) startProfiling(publisherApi);
    const load = startPublishing(publisherApi, accessToken, tenants, rate, 'f');
    const { published, mutationMs, started } = load;
    let lastCheck = performance.now();
    let mutationsShown = 0;
    try {
      while (performance.now() - started < SECONDS * 1000) {
        await sleep(250);
        if (load.inFlight() > MAX_IN_FLIGHT) {
          collapsed = `${load.inFlight()} mutations in flight`;
          break;
        }
        if (performance.now() - lastCheck >= 1000) {
          lastCheck = performance.now();
          const s = await host.call<Status>('status');
          if (TIMELINE) {
            const second = mutationMs.slice(mutationsShown).sort((a, b) => a - b);
            mutationsShown = mutationMs.length;
            console.log(
              `  ${((lastCheck - started) / 1000).toFixed(0)} s: deliveries p99 ${Math.round(s.lastP99)} max ${Math.round(s.lastMax)} ms, ` +
                `mutations p99 ${Math.round(second[Math.floor(second.length * 0.99)] ?? Number.NaN)} ms`,
            );
          }
          const expected = published.reduce((sum, list) => sum + list.length, 0) * PER_TENANT;
          const backlog = expected - (s.received - receivedBefore);
          if (backlog > rate * PER_TENANT * COLLAPSE_BACKLOG_SECONDS) {
            collapsed = `backlog of ${backlog} deliveries (${(backlog / (rate * PER_TENANT)).toFixed(1)} s)`;
            break;
          }
          if (s.lastP99 > COLLAPSE_P99_MS) {
            collapsed = `p99 of the last second ${Math.round(s.lastP99)} ms`;
            break;
          }
        }
      }
    } finally {
      load.stop();
    }
    const publishedMs = performance.now() - started;
    if (profileFile) await stopProfiling(publisherApi);
    // Drain: in-flight mutations finish, then deliveries until all expected arrived.
    const drainUntil = performance.now() + DRAIN_SECONDS * 1000 + (collapsed ? 0 : 5_000);
    while (load.inFlight() > 0 && performance.now() < drainUntil) await sleep(50);
    const total = () => published.reduce((sum, list) => sum + list.length, 0);
    const drainEnd = performance.now() + DRAIN_SECONDS * 1000;
    for (;;) {
      const s = await host.call<Status>('status');
      if (s.received - receivedBefore >= total() * PER_TENANT) break;
      if (performance.now() > drainEnd) break;
      await sleep(100);
    }
    const windowMs = performance.now() - started;
    const apiCpuMs = apis.reduce(
      (sum, a, i) => sum + processCpuMs(a.process.pid) - (apiBefore[i] ?? 0),
      0,
    );
    const clientCpuMs = processCpuMs(host.child.pid) - clientBefore;
    const pgCpuMs = await pgCpu();
    const publisherCpuMs = ownCpuMs() - publisherBefore;
    const results = await host.call<Results>('results', { published });
    if (load.failures.count)
      collapsed ||= `${load.failures.count} failed mutations: ${load.failures.first}`;
    mutationMs.sort((a, b) => a - b);
    if (profileFile && existsSync(profileFile))
      printProfile(profileFile, `${config} ${subscription} @ ${rate}/s`, {
        name: 'delivery',
        count: results.delivered / apis.length,
      });
    return {
      config,
      subscription,
      rate,
      seconds: publishedMs / 1000,
      collapsed,
      published: total(),
      results,
      ...latencyPercentiles([{ results }]),
      apiCpuMs,
      pgCpuMs,
      clientCpuMs,
      publisherCpuMs,
      windowMs,
      mutationP50: mutationMs[Math.floor(mutationMs.length * 0.5)] ?? Number.NaN,
      mutationP99: mutationMs[Math.floor(mutationMs.length * 0.99)] ?? Number.NaN,
    };
  } finally {
    await host?.close();
    await Promise.all(apis.map((api) => api.stop()));
    if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  }
}

/** p50 and p99 of the runs' deliveries taken together (their latency histograms merged). */
function latencyPercentiles(runs: ReadonlyArray<{ results: Results }>): {
  p50: number;
  p99: number;
} {
  const counts = new Map<number, number>();
  for (const { results } of runs)
    for (const [bucket, count] of results.histogram)
      counts.set(bucket, (counts.get(bucket) ?? 0) + count);
  const buckets = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const total = buckets.reduce((sum, [, count]) => sum + count, 0);
  const perMs = runs[0]?.results.bucketsPerMs ?? 1;
  const percentile = (fraction: number) => {
    const rank = Math.max(1, Math.ceil(fraction * total));
    let seen = 0;
    for (const [bucket, count] of buckets) {
      seen += count;
      if (seen >= rank) return bucket / perMs;
    }
    return Number.NaN;
  };
  return { p50: percentile(0.5), p99: percentile(0.99) };
}

async function main() {
  const server = await startPostgresServer();
  const name = `scrm_bench_${newId().slice(-8)}`;
  await withClient(server.url, (db) => db.query(`CREATE DATABASE ${name}`));
  const ownerUrl = databaseUrl(server.url, name);
  const outcomes: Outcome[] = [];
  const pooled: Outcome[][] = [];
  try {
    await migrate(ownerUrl, 'socialcrm_app_test');
    const world = await createWorld(ownerUrl);
    const tenants = await createTenants(
      ownerUrl,
      world.agencies.north,
      world.users.aOWNER.id,
      Array.from({ length: TENANTS }, (_, k) => ({
        name: `Fan-out ${k}`,
        brands: [{ name: `Brand T${k}`, keywords: [`brand t${k}`] }],
      })),
    );
    for (const config of CONFIGS) {
      for (const subscription of SUBSCRIPTIONS)
        for (const rate of RATES) {
          const runs: Outcome[] = [];
          for (let run = 0; run < RUNS; run++) {
            // Each run starts from a vacuumed database, as a long-running one whose autovacuum
            // keeps up would be: the runs before it leave dead outbox rows and stale statistics.
            await withClient(ownerUrl, (db) => db.query('VACUUM ANALYZE'));
            const outcome = await runOne(
              config,
              subscription,
              rate,
              ownerUrl,
              name,
              world.users.aOWNER.email,
              tenants,
            );
            runs.push(outcome);
            const r = outcome.results;
            console.log(
              `${config} ${subscription} @ ${rate}/s: p50 ${outcome.p50.toFixed(1)} ms, p99 ${outcome.p99.toFixed(1)} ms, max ${r.max.toFixed(0)} ms, ` +
                `${r.delivered}/${r.expected} delivered, ${r.duplicates} duplicates, ${r.missing} missing` +
                `${outcome.collapsed ? ` — COLLAPSED: ${outcome.collapsed}` : ''}`,
            );
            if (r.errors) console.log(`  subscriber errors: ${r.errors} (${r.firstError})`);
            if (r.overflow)
              console.log(`  deliveries beyond the counters' capacity: ${r.overflow}`);
          }
          outcomes.push(...runs);
          if (RUNS > 1) pooled.push(runs);
        }
    }
  } finally {
    await withClient(server.url, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await server.stop();
  }
  const core = (ms: number, o: Outcome) => `${Math.round((100 * ms) / o.windowMs)} %`;
  console.log(
    `\nLive feed fan-out: ${TENANTS} tenants x ${PER_TENANT} subscribers, ${SECONDS} s per rate, ` +
      `one mutation per tenant every ${TICK_MS} ms${STAGGER ? ', tenants staggered over the tick' : ', all tenants at the tick'}; CPU as % of one core over publish + drain:`,
  );
  console.table(
    outcomes.map((o) => ({
      config: configLabel(o.config),
      subscription: o.subscription,
      'mentions/s': o.rate,
      s: o.seconds.toFixed(1),
      'p50 ms': o.p50.toFixed(1),
      'p99 ms': o.p99.toFixed(1),
      'max ms': Math.round(o.results.max),
      delivered: `${o.results.delivered}/${o.results.expected}`,
      dup: o.results.duplicates,
      missing: o.results.missing,
      'api CPU': core(o.apiCpuMs, o),
      'api µs/delivery': o.results.delivered
        ? Math.round((o.apiCpuMs * 1000) / o.results.delivered)
        : '',
      'PG CPU': core(o.pgCpuMs, o),
      'clients CPU': core(o.clientCpuMs, o),
      'publisher CPU': core(o.publisherCpuMs, o),
      'mutation p50/p99 ms': `${Math.round(o.mutationP50)}/${Math.round(o.mutationP99)}`,
      status: o.collapsed ? `COLLAPSED (${o.collapsed})` : 'ok',
    })),
  );
  if (!pooled.length) return;
  console.log(
    `\nEach configuration's ${RUNS} runs pooled (all their deliveries as one distribution):`,
  );
  console.table(
    pooled.map((runs) => {
      const { p50, p99 } = latencyPercentiles(runs);
      return {
        config: configLabel(runs[0]?.config ?? ''),
        subscription: runs[0]?.subscription,
        'mentions/s': runs[0]?.rate,
        deliveries: runs.reduce((sum, run) => sum + run.results.delivered, 0),
        'p50 ms': p50.toFixed(1),
        'p99 ms': p99.toFixed(1),
        'max ms': Math.round(Math.max(...runs.map((run) => run.results.max))),
        "each run's p99 ms": runs.map((run) => Math.round(run.p99)).join(', '),
        collapsed: runs.filter((run) => run.collapsed).length,
      };
    }),
  );
}

const configLabel = (config: string) => (config === 'single' ? '1 process' : '2 replicas + Redis');

await main();
