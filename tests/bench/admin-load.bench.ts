// The admin's weight and first load: the JS and CSS a browser fetches for the sign-in page and
// for the listening dashboard, and how long each takes cold (empty cache), in Debian's Chromium.
// Compares builds in the same run: BENCH_ADMIN_BASELINE_DIST points at another checkout's
// apps/admin/dist (e.g. one built from an earlier commit); both are served by the same api.
//   pnpm bench bench/admin-load.bench.ts    (BENCH_RUNS=8 by default)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import type { Browser } from 'playwright-core';
import { startApi } from '../support/api-process.js';
import { launchChromium, signInAs } from '../support/browser.js';
import { databaseUrl, withClient } from '../support/databases.js';
import { signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 8);
const CURRENT_DIST = fileURLToPath(new URL('../../apps/admin/dist/', import.meta.url));

interface Build {
  readonly name: string;
  readonly dist: string;
  url: string;
}

interface Load {
  readonly ms: number;
  /** JS and CSS fetched, raw and gzipped (as a server that compresses would send them). */
  readonly raw: number;
  readonly gzip: number;
}

/** Every JS and CSS file of a build: what a user who visits every page eventually fetches. */
function distSize(dist: string): { raw: number; gzip: number } {
  const files = readdirSync(join(dist, 'assets')).filter((file) => /\.(js|css)$/.test(file));
  const bytes = files.map((file) => readFileSync(join(dist, 'assets', file)));
  return {
    raw: bytes.reduce((sum, b) => sum + b.length, 0),
    gzip: bytes.reduce((sum, b) => sum + gzipSync(b).length, 0),
  };
}

/**
 * Loads `path` in a fresh context with an empty cache (signed in first through the form when
 * `as` is given); `ready` is the selector that, with the network idle, ends the clock.
 */
async function coldLoad(
  browser: Browser,
  build: Build,
  path: string,
  ready: string,
  as?: { email: string },
): Promise<Load> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (as) {
    await signInAs(page, build.url, as.email, PASSWORD);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.clearBrowserCache');
  }
  const assets: Promise<Buffer>[] = [];
  page.on('response', (response) => {
    if (/\.(js|css)$/.test(new URL(response.url()).pathname)) assets.push(response.body());
  });
  const started = performance.now();
  await page.goto(`${build.url}${path}`);
  await page.locator(ready).first().waitFor();
  await page.waitForLoadState('networkidle');
  const ms = performance.now() - started;
  const bodies = await Promise.all(assets);
  await context.close();
  return {
    ms,
    raw: bodies.reduce((sum, b) => sum + b.length, 0),
    gzip: bodies.reduce((sum, b) => sum + gzipSync(b).length, 0),
  };
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;

async function main() {
  const builds: Build[] = [{ name: 'this build', dist: CURRENT_DIST, url: '' }];
  if (process.env.BENCH_ADMIN_BASELINE_DIST) {
    builds.unshift({ name: 'baseline', dist: process.env.BENCH_ADMIN_BASELINE_DIST, url: '' });
  }
  const server = await startPostgresServer();
  const name = `scrm_bench_${newId().slice(-8)}`;
  await withClient(server.url, (db) => db.query(`CREATE DATABASE ${name}`));
  const ownerUrl = databaseUrl(server.url, name);
  await migrate(ownerUrl, 'socialcrm_app_test');
  const world = await createWorld(ownerUrl);
  const apis = await Promise.all(
    builds.map((build) => startApi(ownerUrl, { ADMIN_DIST_DIR: build.dist })),
  );
  apis.forEach((api, i) => {
    const build = builds[i];
    if (build) build.url = api.url;
  });
  const browser = await launchChromium();
  const samples = new Map<string, Load[]>();
  const record = (key: string, load: Load) => samples.set(key, [...(samples.get(key) ?? []), load]);
  try {
    const graphqlUrl = apis[0]?.graphqlUrl ?? '';
    const session = await signIn(graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const caller = { token: session.accessToken, tenantId: world.tenants.a };
    await ingest(
      graphqlUrl,
      caller,
      Array.from({ length: 60 }, () => post()),
    );
    // Alternating builds within each run, so drift on a noisy machine hits both alike.
    for (let run = 0; run <= RUNS; run++) {
      for (const build of builds) {
        const signInPage = await coldLoad(
          browser,
          build,
          '/sign-in',
          '[data-testid="signin-email"]',
        );
        const dashboard = await coldLoad(
          browser,
          build,
          '/listening',
          '[data-testid="page-title"]',
          { email: world.users.aOWNER.email },
        );
        if (run === 0) continue; // warm-up: the api's and the browser's first requests
        record(`${build.name}|sign-in`, signInPage);
        record(`${build.name}|dashboard`, dashboard);
      }
    }
  } finally {
    await browser.close();
    await Promise.all(apis.map((api) => api.stop()));
    await withClient(server.url, (db) => db.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    await server.stop();
  }
  console.log(`\nAdmin first load, cold cache, median of ${RUNS} runs per build and page:`);
  console.table(
    builds.flatMap((build) =>
      ['sign-in', 'dashboard'].map((page) => {
        const loads = samples.get(`${build.name}|${page}`) ?? [];
        return {
          build: build.name,
          page,
          'ms to ready': Math.round(median(loads.map((l) => l.ms))),
          'JS+CSS fetched': kb(loads[0]?.raw ?? 0),
          gzipped: kb(loads[0]?.gzip ?? 0),
        };
      }),
    ),
  );
  console.log('Whole build (every page), JS+CSS:');
  console.table(
    builds.map((build) => {
      const size = distSize(build.dist);
      return { build: build.name, raw: kb(size.raw), gzipped: kb(size.gzip) };
    }),
  );
}

await main();
