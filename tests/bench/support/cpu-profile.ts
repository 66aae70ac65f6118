// Reads a V8 .cpuprofile (see cpu-profiler-preload.cjs) and sums self time by area of
// the code (sentiment, brand matching, zod, pg, TypeORM, JSON, GC, ...) and by function.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ApiProcess } from '../../support/api-process.js';
import { sleep } from './bench-tools.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  readonly windowMs: number;
  readonly busyMs: number;
  readonly areas: Array<{ area: string; ms: number }>;
  readonly functions: Array<{ fn: string; area: string; ms: number }>;
}

const AREAS: Array<[RegExp, string]> = [
  [/packages\/domain\/dist\/sentiment\//, 'sentiment + language ID (domain)'],
  [/\/eld\//, 'language ID (eld)'],
  [/packages\/domain\/dist\/listening\//, 'brand matching + reach (domain)'],
  [/\/zod\//, 'zod validation'],
  [/\/pg-protocol\/|\/pg\/|\/pg-pool\/|\/pg-types\/|\/postgres-array\//, 'pg driver'],
  [/\/typeorm\//, 'TypeORM'],
  [/\/express\/|\/router\/|\/body-parser\/|\/finalhandler\//, 'express'],
  [/\/ws\/|\/graphql-ws\//, 'ws / graphql-ws'],
  [/\/graphql\/|\/@apollo\/|\/type-graphql\//, 'graphql / Apollo'],
  [/\/ioredis\//, 'ioredis'],
  [/apps\/api\/dist\//, 'api code'],
  [/^node:/, 'node core (streams, http, readline, net)'],
];

function areaOf(frame: ProfileNode['callFrame']): string {
  const { functionName, url } = frame;
  if (functionName === '(garbage collector)') return 'GC';
  if (functionName === '(idle)') return 'idle';
  if (functionName === '(program)') return '(program: native, compiler)';
  if (!url) {
    if (/^(parse|stringify|JSONParse|JSONStringify)$/.test(functionName)) return 'JSON';
    return 'V8 builtins (regexp, strings, ...)';
  }
  for (const [pattern, area] of AREAS) if (pattern.test(url)) return area;
  return 'other libraries';
}

/** Self time per area and per function; idle samples are not busy time. */
function summariseProfile(file: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const areaMs = new Map<string, number>();
  const functionMs = new Map<string, { area: string; ms: number }>();
  let busy = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    const node = byId.get(profile.samples[i] ?? -1);
    if (!node) continue;
    const ms = (profile.timeDeltas[i + 1] ?? delta) / 1000;
    const area = areaOf(node.callFrame);
    areaMs.set(area, (areaMs.get(area) ?? 0) + ms);
    if (area === 'idle') continue;
    busy += ms;
    const { functionName, url, lineNumber } = node.callFrame;
    const where = url
      ? ` ${url.replace(/^.*\/node_modules\//, '').replace(/^file:\/\/.*\/(apps|packages)\//, '$1/')}:${lineNumber + 1}`
      : '';
    const fn = `${functionName || '(anonymous)'}${where}`;
    const entry = functionMs.get(fn) ?? { area, ms: 0 };
    entry.ms += ms;
    functionMs.set(fn, entry);
  }
  return {
    windowMs: (profile.endTime - profile.startTime) / 1000,
    busyMs: busy,
    areas: [...areaMs].map(([area, ms]) => ({ area, ms })).sort((a, b) => b.ms - a.ms),
    functions: [...functionMs]
      .map(([fn, { area, ms }]) => ({ fn, area, ms }))
      .sort((a, b) => b.ms - a.ms),
  };
}

/** Prints a profile's self time by area (and per `unit`, e.g. per mention) and its top functions. */
export function printProfile(file: string, what: string, unit: { name: string; count: number }) {
  const summary = summariseProfile(file);
  console.log(
    `\napi CPU profile over ${what} (${(summary.windowMs / 1000).toFixed(1)} s, busy ${(summary.busyMs / 1000).toFixed(1)} s), self time by area:`,
  );
  console.table(
    summary.areas.map((a) => ({
      area: a.area,
      ms: Math.round(a.ms),
      '% of busy': a.area === 'idle' ? '' : ((100 * a.ms) / summary.busyMs).toFixed(1),
      [`µs/${unit.name}`]: a.area === 'idle' ? '' : ((a.ms * 1000) / unit.count).toFixed(2),
    })),
  );
  console.log('Top functions by self time:');
  console.table(
    summary.functions.slice(0, 25).map((f) => ({
      function: f.fn.slice(0, 90),
      area: f.area,
      ms: Math.round(f.ms),
      '%': ((100 * f.ms) / summary.busyMs).toFixed(1),
    })),
  );
}

const PRELOAD = fileURLToPath(new URL('./cpu-profiler-preload.cjs', import.meta.url));

/** The environment that makes an api process profilable into `file` (see the preload). */
export function profilerEnv(file: string | undefined): Record<string, string> {
  return file ? { NODE_OPTIONS: `--require ${PRELOAD}`, CPU_PROFILE_FILE: file } : {};
}

/** Starts the profiler of an api started with `profilerEnv`. */
export function startProfiling(api: ApiProcess): void {
  api.process.kill('SIGUSR2');
}

/** Stops it and waits (up to 10 s) until the profile is written. */
export async function stopProfiling(api: ApiProcess): Promise<void> {
  api.process.kill('SIGUSR2');
  for (let i = 0; i < 100 && !api.output().includes('CPU-PROFILE-WRITTEN'); i++) await sleep(100);
}
