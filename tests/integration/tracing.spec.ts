import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { SIGN_IN } from '../support/graphql-client.js';
import {
  type CollectedSpan,
  type OtlpCollector,
  SPAN_KIND_SERVER,
  startOtlpCollector,
} from '../support/otlp-collector.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const PROBE = new URL('../support/loaded-modules-probe.mjs', import.meta.url).href;
const probeDir = mkdtempSync(join(tmpdir(), 'tracing-spec-'));

/** Env that makes the api list the modules it loads into `file` (read after it stops). */
const probed = (file: string) => ({
  NODE_OPTIONS: `--import=${PROBE}`,
  LOADED_MODULES_FILE: join(probeDir, file),
});
const loadedModules = (file: string) =>
  readFileSync(join(probeDir, file), 'utf8').split('\n').filter(Boolean);

/** A W3C traceparent of a caller's span, as a client or gateway that traces would send. */
function callerSpan() {
  const traceId = randomBytes(16).toString('hex');
  const spanId = randomBytes(8).toString('hex');
  return { traceId, spanId, traceparent: `00-${traceId}-${spanId}-01` };
}

async function post(api: ApiProcess, traceparent: string, body: object) {
  const response = await fetch(api.graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', traceparent },
    body: JSON.stringify(body),
  });
  return (await response.json()) as { data?: { signIn?: { accessToken: string } } };
}

const isPostgres = (span: CollectedSpan) =>
  span.attributes['db.system'] === 'postgresql' ||
  span.attributes['db.system.name'] === 'postgresql';
const isHttpServer = (span: CollectedSpan) =>
  span.scope === '@opentelemetry/instrumentation-http' && span.kind === SPAN_KIND_SERVER;

/** What the test asks of one request's trace, as one comparable value. */
function shapeOfTrace(collector: OtlpCollector, caller: ReturnType<typeof callerSpan>) {
  const spans = collector.spans().filter((span) => span.traceId === caller.traceId);
  const ids = new Set(spans.map((span) => span.spanId));
  return {
    // The api's server span continues the caller's trace, as the caller span's child.
    httpServerParents: spans.filter(isHttpServer).map((span) => span.parentSpanId),
    graphql: spans
      .filter((span) => span.scope === '@opentelemetry/instrumentation-graphql')
      .map((span) => span.name),
    postgres: spans.filter(isPostgres).length > 0,
    // Every other span hangs from one in the same trace: one tree, not pieces.
    unparented: spans
      .filter((span) => span.parentSpanId !== caller.spanId && !ids.has(span.parentSpanId ?? ''))
      .map((span) => span.name),
  };
}

describe('tracing', () => {
  // The suite's api runs without OTEL_EXPORTER_OTLP_ENDPOINT.
  const suite = useSuite(probed('untraced.txt'));
  const stops: Array<() => unknown> = [];
  afterAll(async () => {
    for (const stop of stops.reverse()) await stop();
    rmSync(probeDir, { recursive: true, force: true });
  });

  it('exports one trace per request over OTLP, from HTTP through GraphQL to PostgreSQL, without personal data', async () => {
    const collector = await startOtlpCollector();
    stops.push(() => collector.stop());
    const api = await startApi(suite.databaseUrl, {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      OTEL_BSP_SCHEDULE_DELAY: '100',
      ...probed('traced.txt'),
    });
    stops.push(() => api.stop());
    expect(api.output()).toContain(`Tracing: on, OTLP to ${collector.url} as socialcrm-api`);

    const { email } = suite.world.users.aOWNER;
    const withVariables = callerSpan();
    const signedIn = await post(api, withVariables.traceparent, {
      query: SIGN_IN,
      variables: { email, password: PASSWORD },
    });
    expect(signedIn.data?.signIn?.accessToken).toBeTruthy();
    // The same sign-in with the values written into the document: they are masked there too.
    const withLiterals = callerSpan();
    const inline = await post(api, withLiterals.traceparent, {
      query: `mutation Inline { signIn(input: { email: ${JSON.stringify(email)}, password: ${JSON.stringify(PASSWORD)} }) { accessToken } }`,
    });
    expect(inline.data?.signIn?.accessToken).toBeTruthy();

    // The Meta webhook's verification: its verify token, a secret, is in the query string.
    const webhook = callerSpan();
    const verifyToken = `verify-${randomBytes(8).toString('hex')}`;
    await fetch(
      `${api.url}/webhooks/meta/${randomUUID()}/${randomUUID()}?hub.mode=subscribe&hub.verify_token=${verifyToken}&hub.challenge=42`,
      { headers: { traceparent: webhook.traceparent } },
    );

    await expect
      .poll(() => shapeOfTrace(collector, withVariables), { timeout: 10_000 })
      .toEqual({
        httpServerParents: [withVariables.spanId],
        graphql: expect.arrayContaining(['graphql.parse', 'graphql.validate', 'mutation SignIn']),
        postgres: true,
        unparented: [],
      });
    await expect
      .poll(() => shapeOfTrace(collector, withLiterals), { timeout: 10_000 })
      .toEqual({
        httpServerParents: [withLiterals.spanId],
        graphql: expect.arrayContaining(['mutation Inline']),
        postgres: true,
        unparented: [],
      });

    await expect
      .poll(
        () =>
          collector.spans().find((span) => span.traceId === webhook.traceId && isHttpServer(span))
            ?.attributes,
      )
      .toMatchObject({
        'url.query': 'hub.mode=subscribe&hub.verify_token=REDACTED&hub.challenge=42',
      });

    // One trace per request: every server and database span exported is in one of the three.
    const requestTraces = new Set([withVariables.traceId, withLiterals.traceId, webhook.traceId]);
    const outside = collector
      .spans()
      .filter(
        (span) => (isHttpServer(span) || isPostgres(span)) && !requestTraces.has(span.traceId),
      );
    expect(outside).toEqual([]);
    // Statement text is kept; parameter values, variables, literals and secrets are not.
    const statements = collector.spans().map((span) => span.attributes['db.query.text'] ?? '');
    expect(statements.join('\n')).toMatch(/\$1/);
    const everything = JSON.stringify(collector.spans());
    for (const secret of [email, PASSWORD, verifyToken, 'socialcrm_app_test']) {
      expect(everything).not.toContain(secret);
    }
    // Traces only: nothing is posted for metrics or logs.
    expect(new Set(collector.paths())).toEqual(new Set(['/v1/traces']));

    await api.stop();
    expect(loadedModules('traced.txt').some((m) => m.includes('/@opentelemetry/sdk-node/'))).toBe(
      true,
    );
  });

  it('exports the spans still buffered when it stops', async () => {
    const collector = await startOtlpCollector();
    stops.push(() => collector.stop());
    const api = await startApi(suite.databaseUrl, {
      OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json',
      // Nothing is exported on a timer during the test: only the shutdown's flush sends spans.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    stops.push(() => api.stop());
    const caller = callerSpan();
    const signedIn = await post(api, caller.traceparent, {
      query: SIGN_IN,
      variables: { email: suite.world.users.aVIEWER.email, password: PASSWORD },
    });
    expect(signedIn.data?.signIn?.accessToken).toBeTruthy();
    expect(collector.spans()).toEqual([]);

    await api.stop();
    expect(api.process.exitCode).toBe(0);
    expect(shapeOfTrace(collector, caller)).toMatchObject({
      httpServerParents: [caller.spanId],
      postgres: true,
      unparented: [],
    });
  });

  it("loads none of OpenTelemetry's SDK without OTEL_EXPORTER_OTLP_ENDPOINT, and says tracing is off", async () => {
    const { api } = suite;
    expect(api.output()).toMatch(/^Tracing: off/m);
    await api.stop();
    const loaded = loadedModules('untraced.txt');
    // The probe saw the api's own modules, pg and graphql (ESM and CommonJS)…
    expect(loaded.some((m) => m.endsWith('/apps/api/dist/app.js'))).toBe(true);
    expect(loaded.some((m) => /\/node_modules\/pg\/lib\/index\.js$/.test(m))).toBe(true);
    expect(loaded.some((m) => /\/node_modules\/graphql\/index\.js$/.test(m))).toBe(true);
    // …and nothing of OpenTelemetry's SDK, exporters or instrumentations. Only its API, the
    // no-op facade prom-client reads for exemplars, may load.
    expect(
      loaded.filter((m) => m.includes('opentelemetry') && !m.includes('/@opentelemetry/api/')),
    ).toEqual([]);
  });
});
