import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A span as OTLP/JSON carries it, with the name of the instrumentation that made it. */
export interface CollectedSpan {
  readonly scope: string;
  readonly traceId: string;
  readonly spanId: string;
  readonly parentSpanId?: string;
  readonly name: string;
  /** 1 internal, 2 server, 3 client (OTLP's SpanKind). */
  readonly kind: number;
  readonly attributes: Readonly<Record<string, unknown>>;
}

export const SPAN_KIND_SERVER = 2;

export interface OtlpCollector {
  /** What to set OTEL_EXPORTER_OTLP_ENDPOINT to (the exporter adds /v1/traces). */
  readonly url: string;
  /** Every span received so far. */
  spans(): CollectedSpan[];
  /** The paths exporters posted to (only /v1/traces when only traces are exported). */
  paths(): string[];
  stop(): Promise<void>;
}

interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: Array<{ key: string; value: OtlpAnyValue }> };
  bytesValue?: string;
}

interface OtlpTraceRequest {
  resourceSpans?: Array<{
    scopeSpans?: Array<{
      scope?: { name?: string };
      spans?: Array<{
        traceId: string;
        spanId: string;
        parentSpanId?: string;
        name: string;
        kind: number;
        attributes?: Array<{ key: string; value: OtlpAnyValue }>;
      }>;
    }>;
  }>;
}

/**
 * An OTLP/HTTP collector in the test process: takes JSON trace exports (the SDK's
 * OTEL_EXPORTER_OTLP_PROTOCOL=http/json) on POST /v1/traces and keeps their spans.
 */
export async function startOtlpCollector(): Promise<OtlpCollector> {
  const spans: CollectedSpan[] = [];
  const paths: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      paths.push(request.url ?? '');
      if (request.method !== 'POST' || request.url !== '/v1/traces') {
        response.writeHead(404).end();
        return;
      }
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as OtlpTraceRequest;
      for (const resourceSpans of body.resourceSpans ?? []) {
        for (const scopeSpans of resourceSpans.scopeSpans ?? []) {
          for (const span of scopeSpans.spans ?? []) {
            spans.push({
              scope: scopeSpans.scope?.name ?? '',
              traceId: span.traceId,
              spanId: span.spanId,
              ...(span.parentSpanId ? { parentSpanId: span.parentSpanId } : {}),
              name: span.name,
              kind: span.kind,
              attributes: Object.fromEntries(
                (span.attributes ?? []).map(({ key, value }) => [key, plain(value)]),
              ),
            });
          }
        }
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    spans: () => [...spans],
    paths: () => [...paths],
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

function plain(value: OtlpAnyValue): unknown {
  if (value.arrayValue) return (value.arrayValue.values ?? []).map(plain);
  if (value.kvlistValue)
    return Object.fromEntries(
      (value.kvlistValue.values ?? []).map((kv) => [kv.key, plain(kv.value)]),
    );
  return (
    value.stringValue ?? value.boolValue ?? value.intValue ?? value.doubleValue ?? value.bytesValue
  );
}
