import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';

// Benchmarks compare builds: BENCH_API_MAIN points at another checkout's dist/main.js.
const API_MAIN =
  process.env.BENCH_API_MAIN ??
  fileURLToPath(new URL('../../apps/api/dist/main.js', import.meta.url));
export const TEST_TOKEN_SECRET = 'integration-tests-token-secret-0123456789abcdef';

export interface ApiProcess {
  readonly url: string;
  /** Prometheus's endpoint of this process. */
  readonly metricsUrl: string;
  readonly graphqlUrl: string;
  readonly process: ChildProcess;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Starts the built api as its own process on a free port against `databaseUrl`. */
export async function startApi(
  databaseUrl: string,
  env: Record<string, string> = {},
  /** How long start-up may take (seeding the demo takes longer than a bare start). */
  startTimeoutMs = 30_000,
): Promise<ApiProcess> {
  const child = spawn(process.execPath, [API_MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      PORT: '0',
      METRICS_PORT: '0',
      // A benchmark may quiet the log (LOG_LEVEL=warn) to see what the lines cost.
      ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
      DATABASE_URL: databaseUrl,
      DATABASE_APP_PASSWORD: 'socialcrm_app_test',
      AUTH_TOKEN_SECRET: TEST_TOKEN_SECRET,
      SEED_DEMO_DATA: 'false',
      // Every test process signs in from 127.0.0.1: a fresh throttle namespace per process keeps
      // runs sharing one Redis apart; the per-address budget is tested where it is set low.
      LOGIN_THROTTLE_NAMESPACE: `test-${randomUUID().slice(0, 8)}`,
      LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '100000',
      ...(process.env.REDIS_URL ? { REDIS_URL: process.env.REDIS_URL } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`api did not start:\n${output}`)),
      startTimeoutMs,
    );
    // Watches the banner only: a busy api writes a log line per request, and scanning the
    // whole output on each would cost a benchmark its client's CPU.
    const watchForUrl = () => {
      const match = /GraphQL: (http:\/\/[^\s]+)\/graphql/.exec(output);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.stdout?.off('data', watchForUrl);
      resolve(match[1]);
    };
    child.stdout?.on('data', watchForUrl);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`api exited with ${code}:\n${output}`));
    });
  });
  return {
    url,
    // The banner's line after GraphQL's (read when asked: it may arrive a moment later).
    get metricsUrl() {
      return /Metrics: (http:\/\/\S+)/.exec(output)?.[1] ?? '';
    },
    graphqlUrl: `${url}/graphql`,
    process: child,
    output: () => output,
    stop: (signal = 'SIGTERM') =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        // A process that does not finish shutting down in time is killed: no test leaves one behind.
        const deadline = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', () => {
          clearTimeout(deadline);
          resolve();
        });
        child.kill(signal);
      }),
  };
}
