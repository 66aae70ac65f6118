import { afterAll, describe, expect, it } from 'vitest';
import { type ApiProcess, startApi } from '../support/api-process.js';
import { CREATE_CONNECTOR } from '../support/connectors.js';
import { withClient } from '../support/databases.js';
import { FeedServer, rssDocument } from '../support/fixtures/feed-server.js';
import { type Caller, gql, signIn } from '../support/graphql-client.js';
import { jsonLines } from '../support/log-lines.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

// Every replica of this file: the connectors' tick each second, and a job whose replica dies
// is failed after 3 s and retried (the defaults are 15 s and 15 minutes).
const REPLICA_ENV = {
  CONNECTOR_ALLOW_PRIVATE_NETWORKS: 'true',
  CONNECTOR_TICK_SECONDS: '1',
  JOB_EXPIRE_SECONDS: '3',
  JOB_MAINTENANCE_SECONDS: '1',
};

interface JobRow {
  id: string;
  state: string;
  retries: number;
}

describe('background jobs across replicas', () => {
  const suite = useSuite(REPLICA_ENV);
  const replicas: ApiProcess[] = [];
  const feed = new FeedServer();
  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await feed.close();
  });

  const ownerOf = async (graphqlUrl: string, tenant: 'a' | 'b'): Promise<Caller> => {
    const { world } = suite;
    const user = tenant === 'a' ? world.users.aOWNER : world.users.bOwner;
    const session = await signIn(graphqlUrl, user.email, PASSWORD);
    return { token: session.accessToken, tenantId: world.tenants[tenant] };
  };

  const pollJobsOf = (connectorId: string) =>
    withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query<JobRow>(
        `SELECT id, state, retry_count AS retries FROM pgboss.job
         WHERE name = 'connectors.poll-feed' AND data->>'connectorId' = $1`,
        [connectorId],
      );
      return rows;
    });

  it('retries a job whose replica is killed mid-work, and completes it exactly once', async () => {
    await feed.start();
    feed.publish(
      rssDocument([
        {
          guid: 'killed-midway-1',
          title: 'Brand A review',
          description: 'Brand A, tried and liked',
          author: 'Marta',
          publishedAt: '2026-01-03T09:00:00Z',
        },
      ]),
    );
    feed.holding = true;
    const first = suite.api;
    const owner = await ownerOf(first.graphqlUrl, 'a');
    const created = await gql<{ createConnector: { connector: { id: string } } }>(
      first.graphqlUrl,
      CREATE_CONNECTOR,
      {
        input: {
          name: 'Blog that hangs',
          kind: 'RSS',
          settings: { feedUrl: feed.url, pollIntervalSeconds: 3600, channel: 'BLOG' },
        },
      },
      owner,
    );
    const connectorId = created.data?.createConnector.connector.id ?? '';
    expect(connectorId).not.toBe('');
    // The only replica has fetched the job and hangs on the feed: a second one starts, the
    // first dies with the job active.
    await expect.poll(() => feed.requests.length, { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await pollJobsOf(connectorId)).map((job) => job.state)).toEqual(['active']);
    const second = await startApi(suite.databaseUrl, REPLICA_ENV);
    replicas.push(second);
    await first.stop('SIGKILL');
    feed.release();

    await expect
      .poll(async () => (await pollJobsOf(connectorId)).map((job) => job.state), {
        timeout: 20_000,
      })
      .toEqual(['completed']);
    const [job] = await pollJobsOf(connectorId);
    expect(job?.retries).toBeGreaterThanOrEqual(1);
    // Done once: the post is stored once, and the surviving replica ran the job.
    const survivor = await ownerOf(second.graphqlUrl, 'a');
    const stored = await gql<{ mentions: { edges: Array<{ node: { externalId: string } }> } }>(
      second.graphqlUrl,
      '{ mentions(first: 10, filter: { channels: [BLOG] }) { edges { node { externalId } } } }',
      {},
      survivor,
    );
    expect(stored.data?.mentions.edges.map((edge) => edge.node.externalId)).toEqual([
      'killed-midway-1',
    ]);
    expect(jsonLines(second.output())).toContainEqual(
      expect.objectContaining({
        msg: 'job',
        job: 'connectors.poll-feed',
        jobId: job?.id,
        outcome: 'ok',
      }),
    );

    // Its owner reads the job's history; another tenant's owner sees none of it.
    const history = await gql<{
      backgroundJobs: Array<{ id: string; state: string; retries: number }>;
    }>(second.graphqlUrl, '{ backgroundJobs { id name state retries } }', {}, survivor);
    expect(history.data?.backgroundJobs).toContainEqual(
      expect.objectContaining({ id: job?.id, state: 'completed', retries: job?.retries }),
    );
    const other = await gql<{ backgroundJobs: Array<{ id: string }> }>(
      second.graphqlUrl,
      '{ backgroundJobs { id } }',
      {},
      await ownerOf(second.graphqlUrl, 'b'),
    );
    expect(other.data?.backgroundJobs.map((entry) => entry.id)).not.toContain(job?.id);
  });

  it('runs each scheduled task once per period across two replicas, though both schedule it', async () => {
    const [second] = replicas;
    if (!second) throw new Error('the first test starts the second replica');
    const third = await startApi(suite.databaseUrl, REPLICA_ENV);
    replicas.push(third);
    const started = new Date();
    const ticks = () =>
      [second, third].flatMap((replica) =>
        jsonLines(replica.output()).filter(
          (line) =>
            line.msg === 'job' &&
            line.job === 'connectors.tick' &&
            new Date(String(line.time)) >= started,
        ),
      );
    await expect.poll(() => ticks().length, { timeout: 20_000 }).toBeGreaterThanOrEqual(5);
    const ran = ticks().map((line) => String(line.jobId));
    // Each job ran once, and no period (one second) had two jobs.
    expect(new Set(ran).size).toBe(ran.length);
    const slots = await withClient(suite.databaseUrl, async (db) => {
      const { rows } = await db.query<{ slots: number }>(
        `SELECT count(DISTINCT singleton_on)::int AS slots FROM (
           SELECT singleton_on FROM pgboss.job WHERE id = ANY ($1::uuid[])
           UNION ALL SELECT singleton_on FROM pgboss.archive WHERE id = ANY ($1::uuid[])) j`,
        [ran],
      );
      return rows[0]?.slots;
    });
    expect(slots).toBe(ran.length);
  });
});
