// Shared by the ingest and feed benchmarks: fixture tenants inserted as the owner, CPU time
// of other processes from /proc, a seeded random source and percentiles.
import { readFileSync } from 'node:fs';
import { newId } from '@socialcrm/api/new-id';
import { withClient } from '../../support/databases.js';

export interface BrandSpec {
  readonly name: string;
  readonly keywords: readonly string[];
  readonly hashtags?: readonly string[];
  readonly handles?: readonly string[];
  readonly excludedTerms?: readonly string[];
}

export interface BenchTenant {
  readonly id: string;
  readonly name: string;
  readonly brandIds: readonly string[];
}

/** Tenants under `agencyId`, `ownerUserId` their OWNER, each with its tracked brands. */
export async function createTenants(
  ownerUrl: string,
  agencyId: string,
  ownerUserId: string,
  specs: ReadonlyArray<{ name: string; brands: readonly BrandSpec[] }>,
): Promise<BenchTenant[]> {
  const tenants = specs.map((spec) => ({
    id: newId(),
    name: spec.name,
    brands: spec.brands.map((brand) => ({ ...brand, id: newId() })),
  }));
  await withClient(ownerUrl, async (db) => {
    await db.query('BEGIN');
    await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
      `{${tenants.map((t) => t.id).join(',')}}`,
    ]);
    for (const tenant of tenants) {
      await db.query('INSERT INTO tenant (id, agency_id, name, slug) VALUES ($1, $2, $3, $4)', [
        tenant.id,
        agencyId,
        tenant.name,
        `bench-${tenant.id}`,
      ]);
      await db.query(`INSERT INTO membership (tenant_id, user_id, role) VALUES ($1, $2, 'OWNER')`, [
        tenant.id,
        ownerUserId,
      ]);
      for (const brand of tenant.brands) {
        await db.query(
          `INSERT INTO tracked_brand (tenant_id, id, name, kind, keywords, hashtags, handles, excluded_terms)
           VALUES ($1, $2, $3, 'OWN', $4, $5, $6, $7)`,
          [
            tenant.id,
            brand.id,
            brand.name,
            brand.keywords,
            brand.hashtags ?? [],
            brand.handles ?? [],
            brand.excludedTerms ?? [],
          ],
        );
      }
    }
    await db.query('COMMIT');
  });
  return tenants.map((t) => ({ id: t.id, name: t.name, brandIds: t.brands.map((b) => b.id) }));
}

const CLOCK_TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

/** User + system CPU time of a process in ms (0 when it is gone or /proc is missing). */
export function processCpuMs(pid: number | undefined): number {
  if (!pid) return 0;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // After the command: state is field 3, utime 14 and stime 15 (1-based over the whole line).
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** This process's own CPU time in ms. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** The backends serving `database` now, by pid (for their CPU time). */
async function backendPids(ownerUrl: string, database: string): Promise<number[]> {
  return withClient(ownerUrl, async (db) => {
    const { rows } = await db.query<{ pid: number }>(
      'SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
      [database],
    );
    return rows.map((row) => row.pid);
  });
}

/**
 * Starts measuring the CPU time of the database's backends; the returned function gives the
 * ms they used since. Backends that closed meanwhile are missed (pools keep theirs while busy).
 */
export async function pgCpuMeter(
  ownerUrl: string,
  database: string,
): Promise<() => Promise<number>> {
  const before = new Map(
    (await backendPids(ownerUrl, database)).map((pid) => [pid, processCpuMs(pid)]),
  );
  return async () =>
    (await backendPids(ownerUrl, database)).reduce(
      (sum, pid) => sum + processCpuMs(pid) - (before.get(pid) ?? 0),
      0,
    );
}

// The domain's seeded generator (mulberry32): the same numbers on every run.
export { seededRandom } from '../../../packages/domain/src/clv/seeded-random.js';

/** The value at `fraction` (0..1) of sorted `values` (nearest rank). */
export function percentile(sorted: ArrayLike<number>, fraction: number): number {
  if (!sorted.length) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(fraction * sorted.length) - 1));
  return sorted[rank] ?? Number.NaN;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
