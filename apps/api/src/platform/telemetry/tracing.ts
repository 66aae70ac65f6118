import { type Config, loadConfig } from '../config/config.js';
import type { StartedTracing } from './start-tracing.js';

/** Tracing as main.ts holds it: started or off, and flushed on shutdown. */
export interface Tracing {
  /** Exports the spans still buffered; gives up after a few seconds (an unreachable collector). */
  shutdown(): Promise<void>;
}

const SHUTDOWN_DEADLINE_MS = 3_000;

/**
 * Starts OpenTelemetry tracing when OTEL_EXPORTER_OTLP_ENDPOINT is set. Must run before the rest
 * of the api is imported: the instrumentations patch pg, graphql and http as they are loaded, so
 * what is already loaded stays untraced. Without the endpoint nothing of OpenTelemetry is loaded.
 */
export async function startTracing(env: NodeJS.ProcessEnv = process.env): Promise<Tracing> {
  let config: Config;
  try {
    config = loadConfig(env);
  } catch {
    // A bad configuration is reported by main(), which stops the api: no tracing for that.
    return { shutdown: async () => {} };
  }
  const endpoint = config.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint || env.OTEL_SDK_DISABLED === 'true') {
    console.log('Tracing: off (set OTEL_EXPORTER_OTLP_ENDPOINT to export traces over OTLP)');
    return { shutdown: async () => {} };
  }
  const started: StartedTracing = (await import('./start-tracing.js')).startTracing(
    config.OTEL_SERVICE_NAME,
  );
  console.log(`Tracing: on, OTLP to ${withoutSecrets(endpoint)} as ${config.OTEL_SERVICE_NAME}`);
  return {
    async shutdown() {
      let timer: NodeJS.Timeout | undefined;
      const deadline = new Promise<void>((resolve) => {
        timer = setTimeout(resolve, SHUTDOWN_DEADLINE_MS);
      });
      await Promise.race([started.shutdown().catch(() => {}), deadline]);
      clearTimeout(timer);
    },
  };
}

/** The endpoint without user, password or query, which may hold credentials. */
function withoutSecrets(endpoint: string): string {
  const url = new URL(endpoint);
  return `${url.origin}${url.pathname === '/' ? '' : url.pathname}`;
}
