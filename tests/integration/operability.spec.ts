import { createServer } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { startApi } from '../support/api-process.js';
import { FeedSubscriber } from '../support/feed-client.js';
import { errorCodes, gql, SIGN_IN, signIn } from '../support/graphql-client.js';
import { jsonLines } from '../support/log-lines.js';
import { ingest, post } from '../support/mentions.js';
import { startRedisServer } from '../support/redis-server.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

describe('operating the api', () => {
  const suite = useSuite();
  const stops: Array<() => unknown> = [];
  afterAll(async () => {
    for (const stop of stops) await stop();
  });

  it('exits non-zero naming the busy port instead of serving nothing', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => busy.once('listening', resolve));
    stops.push(() => busy.close());
    const { port } = busy.address() as { port: number };
    await expect(startApi(suite.databaseUrl, { PORT: String(port) })).rejects.toThrow(
      new RegExp(`exited with 1:[\\s\\S]*port ${port} is in use; set PORT`),
    );
  });

  it('signs in with Redis lost, counting in memory, says so in readiness and logs it once', async () => {
    const redis = await startRedisServer();
    stops.push(() => redis.stop());
    const api = await startApi(suite.databaseUrl, { REDIS_URL: redis.url });
    stops.push(() => api.stop());
    const readiness = async () => (await (await fetch(`${api.url}/readyz`)).json()) as object;
    expect(await readiness()).toMatchObject({ status: 'ready', redis: 'reachable' });

    redis.stop();
    await expect.poll(readiness).toMatchObject({ status: 'ready', redis: 'unreachable' });
    const email = suite.world.users.aOWNER.email;
    for (let attempt = 0; attempt < 3; attempt++) {
      const signedIn = await gql(api.graphqlUrl, SIGN_IN, { email, password: PASSWORD });
      expect(errorCodes(signedIn)).toEqual([]);
    }
    expect(api.output().match(/Redis unreachable/g)).toHaveLength(1);
    expect(api.output()).not.toMatch(/Unhandled error event/);
  });

  it('runs the queries of one operation one after another on its connection', async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    // Root fields of a query resolve in parallel, and all share the operation's transaction.
    const response = await gql(
      api.graphqlUrl,
      `{ me { user { email } } brands { totalCount } connectors { id }
         members { totalCount } apiKeys { id } mentions(first: 5) { totalCount } }`,
      {},
      { token: owner.accessToken, tenantId: world.tenants.a },
    );
    expect(response.errors).toBeUndefined();
    expect(api.output()).not.toMatch(/already executing a query/);
  });

  it('keeps personal data and SQL parameters out of the log, and expected errors off error level', async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const caller = { token: owner.accessToken, tenantId: world.tenants.a };
    const create = (name: string) =>
      gql(
        api.graphqlUrl,
        'mutation($name: String!) { createBrand(input: { name: $name, kind: OWN, keywords: ["private"] }) { id } }',
        { name },
        caller,
      );
    const name = 'Ana Pérez Private Label';
    expect((await create(name)).errors).toBeUndefined();
    const before = api.output().length;
    expect(errorCodes(await create(name))).toEqual(['CONFLICT']);
    // The refusal is the caller's mistake: an information line, not an error.
    await expect
      .poll(() => jsonLines(api.output().slice(before)))
      .toContainEqual(expect.objectContaining({ level: 'info', errorCodes: ['CONFLICT'] }));
    const logged = api.output().slice(before);
    expect(logged).not.toContain(name);
    expect(logged).not.toMatch(/PARAMETERS|query failed/i);
    expect(jsonLines(logged).filter((line) => line.level !== 'info')).toEqual([]);
  });

  it('serves Prometheus metrics on their own port only, with the families an operator alerts on', async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const caller = { token: owner.accessToken, tenantId: world.tenants.a };
    await gql(api.graphqlUrl, '{ brands { totalCount } }', {}, caller);
    const feed = new FeedSubscriber(api.graphqlUrl, owner.accessToken, world.tenants.a);
    await expect
      .poll(async () => {
        await ingest(api.graphqlUrl, caller, [post()]);
        return feed.events.length;
      })
      .toBeGreaterThan(0);
    const scraped = await (await fetch(api.metricsUrl)).text();
    await feed.close();
    for (const family of [
      'socialcrm_http_request_duration_seconds',
      'socialcrm_graphql_operations_total',
      'socialcrm_graphql_operation_duration_seconds',
      'socialcrm_db_pool_connections',
      'socialcrm_db_connection_wait_seconds',
      'socialcrm_live_subscribers',
      'socialcrm_feed_lag_seconds',
      'socialcrm_mentions_ingested_total',
      'socialcrm_jobs_total',
      'socialcrm_job_duration_seconds',
      'socialcrm_job_queue_depth',
      'socialcrm_connector_failures_total',
      'socialcrm_process_cpu_seconds_total',
    ])
      expect(scraped, family).toContain(`# TYPE ${family} `);
    // Labelled by root field (a set the schema bounds), never by ids or names clients choose.
    expect(scraped).toMatch(
      /socialcrm_graphql_operations_total\{[^}]*operation="query brands"[^}]*outcome="ok"[^}]*\} [1-9]/,
    );
    expect(scraped).toMatch(/socialcrm_live_subscribers\{[^}]*\} 1\b/);
    expect(scraped).toMatch(
      /socialcrm_mentions_ingested_total\{outcome="STORED",matched="yes"[^}]*\} [1-9]/,
    );
    await expect
      .poll(async () => (await fetch(api.metricsUrl)).text())
      .toMatch(/socialcrm_jobs_total\{job="live-feed.sweep",outcome="ok"[^}]*\} [1-9]/);
    expect(scraped).not.toContain(world.tenants.a);
    // The public port does not serve them.
    expect(await (await fetch(`${api.url}/metrics`)).text()).not.toContain('socialcrm_');
  });

  it('logs each request and operation as JSON with its request id, tenant, user and duration, and returns the id', async () => {
    const { api, world } = suite;
    const owner = await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD);
    const caller = { token: owner.accessToken, tenantId: world.tenants.a };
    const before = api.output().length;
    const response = await fetch(api.graphqlUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${owner.accessToken}`,
        'x-tenant-id': world.tenants.a,
        'x-request-id': 'support-ticket-4711',
      },
      body: JSON.stringify({ query: 'query BrandCount { brands { totalCount } }' }),
    });
    expect(response.headers.get('x-request-id')).toBe('support-ticket-4711');
    // An error carries the request id, so a user can quote it.
    const refused = await gql(api.graphqlUrl, '{ contact(id: "nope") { id } }', {}, caller);
    const quoted = refused.errors?.[0]?.extensions?.requestId;
    expect(quoted).toEqual(expect.any(String));
    // A subscription's operation is logged when it ends, with the socket's id and its own.
    const feed = new FeedSubscriber(api.graphqlUrl, owner.accessToken, world.tenants.a);
    await expect
      .poll(async () => {
        await ingest(api.graphqlUrl, caller, [post()]);
        return feed.events.length;
      })
      .toBeGreaterThan(0);
    await feed.close();
    await expect
      .poll(() =>
        jsonLines(api.output().slice(before)).filter((line) => line.transport === 'websocket'),
      )
      .toContainEqual(
        expect.objectContaining({ tenantId: world.tenants.a, userId: world.users.aOWNER.id }),
      );
    await expect
      .poll(() => jsonLines(api.output().slice(before)))
      .toContainEqual(
        expect.objectContaining({
          level: 'info',
          requestId: 'support-ticket-4711',
          operationName: 'BrandCount',
          tenantId: world.tenants.a,
          userId: world.users.aOWNER.id,
          responseTime: expect.any(Number),
          req: { method: 'POST', path: '/graphql' },
          res: { statusCode: 200 },
        }),
      );
    expect(jsonLines(api.output().slice(before))).toContainEqual(
      expect.objectContaining({ requestId: quoted }),
    );
  });

  it('lets a closed subscription leave its channel at once, not at the tenant’s next event', async () => {
    const { api, world } = suite;
    const viewer = await signIn(api.graphqlUrl, world.users.aVIEWER.email, PASSWORD);
    const live = async () =>
      ((await (await fetch(`${api.url}/readyz`)).json()) as { liveSubscribers: number })
        .liveSubscribers;
    const subscribers = Array.from(
      { length: 5 },
      (_, i) =>
        new FeedSubscriber(
          api.graphqlUrl,
          viewer.accessToken,
          world.tenants.a,
          {},
          { batched: i % 2 === 0 },
        ),
    );
    await expect.poll(live).toBe(5);
    for (const subscriber of subscribers) await subscriber.close();
    // No mention arrives meanwhile: before, they stayed members until one did.
    await expect.poll(live).toBe(0);
  });
});
