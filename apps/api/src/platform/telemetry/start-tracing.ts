import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { PgInstrumentation } from '@opentelemetry/instrumentation-pg';
import { NodeSDK } from '@opentelemetry/sdk-node';

export interface StartedTracing {
  shutdown(): Promise<void>;
}

/** Paths whose requests are not traced: the health checks a load balancer sends every few seconds. */
const UNTRACED_PATHS = new Set(['/healthz', '/readyz']);

/**
 * Query parameters whose values never reach a span: the Meta webhook's verify token, and the
 * instrumentation's own defaults, which a list of ours replaces (signed-URL credentials).
 */
const REDACTED_QUERY_PARAMETERS = [
  'hub.verify_token',
  'sig',
  'Signature',
  'AWSAccessKeyId',
  'X-Goog-Signature',
  'X-Amz-Signature',
  'X-Amz-Credential',
  'X-Amz-Security-Token',
];

/**
 * Starts the SDK with the HTTP, GraphQL and PostgreSQL instrumentations. Only imported (by
 * tracing.ts) when an OTLP endpoint is configured, and before the rest of the api: a module
 * loaded before the instrumentations are enabled is not patched.
 *
 * No ESM loader hook (import-in-the-middle) is registered: what is traced is CommonJS, patched
 * through require-in-the-middle when first required. graphql 16 has no "exports", so importing
 * it loads its CommonJS build; TypeORM requires pg; express requires node:http. Tried with the
 * hook: the same spans, and the api took 1.3 s longer to start and 65 MB more memory. An
 * ESM-only graphql or pg would need it (the tracing integration test fails without their spans).
 *
 * The exporter, its protocol (http/protobuf unless OTEL_EXPORTER_OTLP_PROTOCOL says otherwise),
 * the sampler, the propagators (W3C traceparent and baggage) and the batch delays come from the
 * standard OTEL_* variables. Only traces are exported: no metrics or logs.
 */
export function startTracing(serviceName: string): StartedTracing {
  const sdk = new NodeSDK({
    serviceName,
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({
        ignoreIncomingRequestHook: (request) =>
          UNTRACED_PATHS.has((request.url ?? '').split('?')[0] ?? ''),
        redactedQueryParamsServer: REDACTED_QUERY_PARAMETERS,
        redactedQueryParams: REDACTED_QUERY_PARAMETERS,
      }),
      // Operation, parse, validate and execute spans, and one per resolver that does more than
      // read a property. Argument values and variables are left out (personal data).
      new GraphQLInstrumentation({
        allowValues: false,
        ignoreTrivialResolveSpans: true,
        mergeItems: true,
      }),
      // Statement text without parameter values. Background work (feed polling, connector ticks)
      // outside a traced request makes no spans: one poll a second would be a trace a second.
      new PgInstrumentation({
        enhancedDatabaseReporting: false,
        requireParentSpan: true,
      }),
    ],
  });
  sdk.start();
  return sdk;
}
