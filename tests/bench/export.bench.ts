// CSV export benchmark: one million contacts (seeded by the owner with generate_series, with
// emails, phones, tags, custom fields and an identity each) exported through the api's whole
// path: startDataExport, the export job (keyset pages of 5,000 rows, csv-stringify, a chunk
// committed per page), then the download. Prints rows/s, elapsed time and the api's peak memory.
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres pnpm bench bench/export.bench.ts
//   BENCH_EXPORT_ROWS=1000000   contacts to export
//   BENCH_API_HEAP_MB=128       cap the api's V8 heap: the job must finish within it whatever the row count
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { migrate } from '@socialcrm/api/migrate';
import { newId } from '@socialcrm/api/new-id';
import { startApi } from '../support/api-process.js';
import { downloadExport, readExport, START_DATA_EXPORT } from '../support/data-exports.js';
import { databaseUrl, withClient } from '../support/databases.js';
import { gql, signIn } from '../support/graphql-client.js';
import { startPostgresServer } from '../support/postgres-server.js';
import { createWorld, PASSWORD } from '../support/world.js';
import { pgCpuMeter, processCpuMs, sleep } from './support/bench-tools.js';

const ROWS = Number(process.env.BENCH_EXPORT_ROWS ?? 1_000_000);

/** A process's resident memory now (VmRSS) or at its peak (VmHWM), in MiB. */
function memoryMiB(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0);
  return kib / 1024;
}

async function seed(ownerUrl: string, tenantId: string): Promise<void> {
  await withClient(ownerUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    await db.query(
      `INSERT INTO custom_field_definition (tenant_id, id, entity, key, label, type)
       VALUES ($1, $2, 'CONTACT', 'score', 'Score', 'NUMBER'), ($1, $3, 'CONTACT', 'plan', 'Plan', 'TEXT')`,
      [tenantId, newId(), newId()],
    );
    await db.query(
      `INSERT INTO contact (tenant_id, id, display_name, first_name, last_name, emails, phones, language, country,
                            city, tags, email_consent, custom_fields, created_at, updated_at)
       SELECT $1, gen_random_uuid(), 'Person ' || n, 'Person', 'N' || n, ARRAY['person' || n || '@example.com'],
              ARRAY['+3460' || lpad(n::text, 7, '0')], 'es', 'ES', 'Madrid', ARRAY['vip', 'tag' || (n % 50)],
              n % 2 = 0, jsonb_build_object('score', (n % 1000) / 10.0, 'plan', 'plan-' || (n % 5)),
              now() - (n % 730) * interval '1 day', now()
       FROM generate_series(1, $2::int) AS n`,
      [tenantId, ROWS],
    );
    // The contacts' search text is not what this measures: its triggers are off for this insert.
    await db.query('SET LOCAL session_replication_role = replica');
    await db.query(
      `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle)
       SELECT tenant_id, gen_random_uuid(), id, 'x', 'handle_' || replace(id::text, '-', '') FROM contact
       WHERE tenant_id = $1`,
      [tenantId],
    );
    await db.query('COMMIT');
    await db.query('ANALYZE contact, social_identity');
  });
}

async function main() {
  const server = await startPostgresServer();
  const databaseName = `scrm_bench_${newId().slice(-8)}`;
  await withClient(server.url, (db) => db.query(`CREATE DATABASE ${databaseName}`));
  const ownerUrl = databaseUrl(server.url, databaseName);
  try {
    await migrate(ownerUrl, 'socialcrm_app_test');
    const world = await createWorld(ownerUrl);
    const seeding = performance.now();
    await seed(ownerUrl, world.tenants.a);
    console.log(
      `seeded ${ROWS} contacts in ${((performance.now() - seeding) / 1000).toFixed(1)} s`,
    );

    const heapMb = process.env.BENCH_API_HEAP_MB;
    const api = await startApi(ownerUrl, {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      ...(heapMb ? { NODE_OPTIONS: `--max-old-space-size=${heapMb}` } : {}),
    });
    try {
      const { accessToken } = await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD);
      const agent = { token: accessToken, tenantId: world.tenants.a };
      const pgCpu = await pgCpuMeter(ownerUrl, databaseName);
      const apiCpuBefore = processCpuMs(api.process.pid);
      const rssBefore = memoryMiB(api.process.pid, 'VmRSS');
      let jobRss = 0;
      const started = performance.now();
      const start = await gql<{ startDataExport: { id: string } }>(
        api.graphqlUrl,
        START_DATA_EXPORT,
        { input: { entity: 'CONTACTS', locale: 'es' } },
        agent,
      );
      const id = start.data?.startDataExport.id;
      if (!id) throw new Error(JSON.stringify(start.errors));
      let state = await readExport(api.graphqlUrl, agent, id);
      while (state.state !== 'SUCCEEDED' && state.state !== 'FAILED') {
        await sleep(250);
        jobRss = Math.max(jobRss, memoryMiB(api.process.pid, 'VmRSS'));
        state = await readExport(api.graphqlUrl, agent, id);
      }
      const jobMs = performance.now() - started;
      if (state.state !== 'SUCCEEDED' || state.processedRows !== ROWS)
        throw new Error(
          `exported ${state.processedRows} of ${ROWS} (${state.state} ${state.failure})`,
        );
      const apiCpuMs = processCpuMs(api.process.pid) - apiCpuBefore;
      const pgCpuMs = await pgCpu();
      const downloading = performance.now();
      const file = await downloadExport(api.url, agent, id);
      const downloadMs = performance.now() - downloading;
      if (file.status !== 200 || file.bytes.length !== state.byteSize)
        throw new Error(
          `download: ${file.status}, ${file.bytes.length} of ${state.byteSize} bytes`,
        );
      const chunks = await withClient(ownerUrl, async (db) =>
        Number(
          (await db.query('SELECT count(*) AS n FROM data_export_chunk WHERE export_id = $1', [id]))
            .rows[0].n,
        ),
      );

      console.log(
        `\nExport of ${ROWS} contacts to CSV (2-core machine, api and PostgreSQL on it):`,
      );
      console.table([
        {
          step: 'export job (start to SUCCEEDED)',
          s: (jobMs / 1000).toFixed(1),
          'rows/s': Math.round((ROWS * 1000) / jobMs),
          'api CPU µs/row': Math.round((apiCpuMs * 1000) / ROWS),
          'PG CPU µs/row': Math.round((pgCpuMs * 1000) / ROWS),
        },
        {
          step: 'download (GET /api/exports/:id/file)',
          s: (downloadMs / 1000).toFixed(1),
          'rows/s': Math.round((ROWS * 1000) / downloadMs),
          'api CPU µs/row': '',
          'PG CPU µs/row': '',
        },
      ]);
      console.log(
        `file ${(state.byteSize / 1e6).toFixed(1)} MB in ${chunks} chunks; api RSS before ${rssBefore.toFixed(0)} MiB, ` +
          `at most ${jobRss.toFixed(0)} MiB while the job ran (sampled), peak ${memoryMiB(api.process.pid, 'VmHWM').toFixed(0)} MiB with the download`,
      );
    } finally {
      await api.stop();
    }
  } finally {
    await withClient(server.url, (db) =>
      db.query(`DROP DATABASE IF EXISTS ${databaseName} WITH (FORCE)`),
    );
    await server.stop();
  }
}

await main();
