import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertContacts } from '../support/customer-records.js';
import { runtimeUrl, withClient } from '../support/databases.js';
import {
  type Caller,
  errorCodes,
  type GraphQLResponse,
  gql,
  signIn,
} from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const EVENT = 'id kind channel cause actorId actor { id email } body occurredAt editedAt';
const TIMELINE = `query($id: ID!, $first: Int, $after: String, $filter: TimelineFilter) {
  contactTimeline(contactId: $id, first: $first, after: $after, filter: $filter) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${EVENT} } }
  }
}`;
const ADD_NOTE = `mutation($id: ID!, $body: String!) { addNote(contactId: $id, body: $body) { ${EVENT} } }`;
const EDIT_NOTE = `mutation($id: ID!, $body: String!) { editNote(id: $id, body: $body) { ${EVENT} } }`;
const VERSIONS = 'query($id: ID!) { noteVersions(id: $id) { version body writtenBy writtenAt } }';
const LOG = `mutation($id: ID!, $input: InteractionInput!) { logInteraction(contactId: $id, input: $input) { ${EVENT} } }`;

interface Event {
  id: string;
  kind: string;
  channel: string | null;
  cause: string;
  actorId: string | null;
  actor: { id: string; email: string } | null;
  body: string | null;
  occurredAt: string;
  editedAt: string | null;
}
interface Timeline {
  contactTimeline: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: Array<{ node: Event }>;
  };
}

const fieldsOf = (response: GraphQLResponse<unknown>) =>
  (response.errors ?? [])
    .flatMap((error) => (error.extensions?.fields as Array<{ field: string }>) ?? [])
    .map((p) => p.field);

describe('the contact timeline', () => {
  const suite = useSuite();
  const callers: Record<'owner' | 'manager' | 'agent' | 'viewer', Caller> = {
    owner: {},
    manager: {},
    agent: {},
    viewer: {},
  };
  const call = <T>(query: string, variables: Record<string, unknown>, caller = callers.agent) =>
    gql<T>(suite.api.graphqlUrl, query, variables, caller);
  const timeline = async (
    id: string,
    variables: Record<string, unknown> = {},
    caller = callers.viewer,
  ) => {
    const response = await call<Timeline>(TIMELINE, { id, ...variables }, caller);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.contactTimeline;
  };
  const logged = async (id: string, input: Record<string, unknown>) => {
    const response = await call<{ logInteraction: Event }>(LOG, { id, input });
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.logInteraction;
  };
  const note = async (id: string, body: string, caller = callers.agent) => {
    const response = await call<{ addNote: Event }>(ADD_NOTE, { id, body }, caller);
    if (!response.data) throw new Error(JSON.stringify(response.errors));
    return response.data.addNote;
  };
  const contact = async (name: string) =>
    (await insertContacts(suite.databaseUrl, suite.world.tenants.a, [name]))[0] as string;

  beforeAll(async () => {
    const { api, world } = suite;
    const session = async (email: string) => ({
      token: (await signIn(api.graphqlUrl, email, PASSWORD)).accessToken,
      tenantId: world.tenants.a,
    });
    callers.owner = await session(world.users.aOWNER.email);
    callers.manager = await session(world.users.aMANAGER.email);
    callers.agent = await session(world.users.aAGENT.email);
    callers.viewer = await session(world.users.aVIEWER.email);
  });

  it('logs calls and meetings and filters the timeline by kind and by channel', async () => {
    const id = await contact('Filter Fran');
    const call1 = await logged(id, {
      kind: 'CALL',
      occurredAt: '2026-01-01T10:00:00Z',
      body: 'Asked for a quote',
    });
    const meeting = await logged(id, {
      kind: 'MEETING',
      occurredAt: '2026-01-02T10:00:00Z',
      channel: 'VIDEO',
    });
    const call2 = await logged(id, {
      kind: 'CALL',
      occurredAt: '2026-01-03T10:00:00Z',
      channel: 'VIDEO',
    });
    const memo = await note(id, 'Prefers mornings');
    const agent = suite.world.users.aAGENT;
    expect(call1).toMatchObject({
      kind: 'CALL',
      channel: 'PHONE',
      cause: 'USER',
      actorId: agent.id,
      actor: { id: agent.id, email: agent.email },
      body: 'Asked for a quote',
      occurredAt: '2026-01-01T10:00:00.000Z',
      editedAt: null,
    });
    const ids = async (filter: Record<string, unknown> | null) =>
      (await timeline(id, { filter })).edges.map(({ node }) => node.id);
    expect(await ids(null)).toEqual([memo.id, call2.id, meeting.id, call1.id]);
    expect(await ids({ kinds: ['CALL'] })).toEqual([call2.id, call1.id]);
    expect(await ids({ channels: ['VIDEO'] })).toEqual([call2.id, meeting.id]);
    expect(await ids({ kinds: ['CALL'], channels: ['PHONE'] })).toEqual([call1.id]);
    expect(await ids({ kinds: ['NOTE', 'MEETING'], channels: [] })).toEqual([memo.id, meeting.id]);
    expect((await timeline(id, { filter: { kinds: ['ORDER'] } })).totalCount).toBe(0);

    const future = await call(LOG, {
      id,
      input: { kind: 'CALL', occurredAt: '2999-01-01T00:00:00Z' },
    });
    expect(fieldsOf(future)).toEqual(['input.occurredAt']);
    const blank = await call(ADD_NOTE, { id, body: '   ' });
    expect(fieldsOf(blank)).toEqual(['body']);
    const nobody = await call(ADD_NOTE, { id: '00000000-0000-7000-8000-000000000000', body: 'x' });
    expect(errorCodes(nobody)).toEqual(['NOT_FOUND']);
  });

  it('pages newest first by occurredAt then id, without gaps or repeats, ties included', async () => {
    const id = await contact('Paging Pat');
    const times = ['2026-02-01T09:00:00Z', '2026-02-03T09:00:00Z', '2026-02-02T09:00:00Z'];
    const written: Event[] = [];
    for (let i = 0; i < 13; i += 1)
      written.push(
        await logged(id, {
          kind: i % 2 ? 'MEETING' : 'CALL',
          occurredAt: times[i % 3],
          body: `#${i}`,
        }),
      );
    const expected = [...written]
      .sort(
        (a, b) =>
          b.occurredAt.localeCompare(a.occurredAt) || (b.id < a.id ? -1 : b.id > a.id ? 1 : 0),
      )
      .map((event) => event.id);
    for (const first of [1, 4, 13]) {
      const seen: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page = await timeline(id, { first, after });
        expect(page.totalCount).toBe(13);
        seen.push(...page.edges.map(({ node }) => node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(seen).toEqual(expected);
    }
    const bad = await call(TIMELINE, { id, after: 'not-a-cursor' });
    expect(fieldsOf(bad)).toEqual(['after']);
  });

  it('lets a note’s author edit it, keeping every earlier text with who and when', async () => {
    const id = await contact('Noted Nora');
    const first = await note(id, 'Met at the fair');
    const edit = (body: string, caller = callers.agent) =>
      call<{ editNote: Event }>(EDIT_NOTE, { id: first.id, body }, caller);
    const second = await edit('Met at the Madrid fair');
    expect(second.data?.editNote).toMatchObject({
      id: first.id,
      body: 'Met at the Madrid fair',
      occurredAt: first.occurredAt,
    });
    expect(second.data?.editNote.editedAt).not.toBeNull();
    const third = await edit('Met at the Madrid fair, 2026');
    const versions = await call<{
      noteVersions: Array<{ version: number; body: string; writtenBy: string; writtenAt: string }>;
    }>(VERSIONS, { id: first.id }, callers.viewer);
    const agent = suite.world.users.aAGENT.id;
    expect(versions.data?.noteVersions.map(({ writtenAt: _, ...version }) => version)).toEqual([
      { version: 1, body: 'Met at the fair', writtenBy: agent },
      { version: 2, body: 'Met at the Madrid fair', writtenBy: agent },
    ]);
    expect(versions.data?.noteVersions[1]?.writtenAt).toBe(second.data?.editNote.editedAt);
    const shown = await timeline(id);
    expect(shown.edges.map(({ node }) => [node.body, node.editedAt])).toEqual([
      ['Met at the Madrid fair, 2026', third.data?.editNote.editedAt],
    ]);
  });

  it('bounds a note’s edits, so its versions stay a bounded list', async () => {
    const id = await contact('Busy Bea');
    const memo = await note(id, 'Version 101');
    await withClient(suite.databaseUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
        `{${suite.world.tenants.a}}`,
      ]);
      await db.query(
        `INSERT INTO timeline_note_version (tenant_id, event_id, version, body, written_by, written_at)
         SELECT $1, $2, v, 'Version ' || v, $3, now() FROM generate_series(1, 100) AS v`,
        [suite.world.tenants.a, memo.id, suite.world.users.aAGENT.id],
      );
      await db.query('COMMIT');
    });
    const refused = await call(EDIT_NOTE, { id: memo.id, body: 'Version 102' });
    expect(errorCodes(refused)).toEqual(['CONFLICT']);
    expect(fieldsOf(refused)).toEqual(['id']);
    const versions = await call<{ noteVersions: Array<{ version: number }> }>(VERSIONS, {
      id: memo.id,
    });
    expect(versions.data?.noteVersions).toHaveLength(100);
    expect((await timeline(id)).edges[0]?.node.body).toBe('Version 101');
  });

  it('refuses an edit by anyone but the author, of anything but a note, and every write by a viewer', async () => {
    const id = await contact('Guarded Gus');
    const memo = await note(id, 'Original text');
    const byManager = await call(EDIT_NOTE, { id: memo.id, body: 'Hijacked' }, callers.manager);
    expect(errorCodes(byManager)).toEqual(['FORBIDDEN']);
    const byOwner = await call(EDIT_NOTE, { id: memo.id, body: 'Hijacked' }, callers.owner);
    expect(errorCodes(byOwner)).toEqual(['FORBIDDEN']);
    const logCall = await logged(id, {
      kind: 'CALL',
      occurredAt: '2026-01-01T00:00:00Z',
      body: 'A call',
    });
    const notANote = await call(EDIT_NOTE, { id: logCall.id, body: 'Rewritten' });
    expect(errorCodes(notANote)).toEqual(['NOT_FOUND']);
    expect(errorCodes(await call(VERSIONS, { id: logCall.id }))).toEqual(['NOT_FOUND']);

    const attempts = await Promise.all([
      call(ADD_NOTE, { id, body: 'By a viewer' }, callers.viewer),
      call(EDIT_NOTE, { id: memo.id, body: 'By a viewer' }, callers.viewer),
      call(
        LOG,
        { id, input: { kind: 'MEETING', occurredAt: '2026-01-01T00:00:00Z' } },
        callers.viewer,
      ),
    ]);
    for (const attempt of attempts) expect(errorCodes(attempt)).toEqual(['FORBIDDEN']);
    // Every user of the tenant sees the same, unchanged timeline.
    const seen = await Promise.all(
      [callers.viewer, callers.agent, callers.manager].map((caller) => timeline(id, {}, caller)),
    );
    for (const view of seen)
      expect(view.edges.map(({ node }) => [node.kind, node.body])).toEqual([
        ['NOTE', 'Original text'],
        ['CALL', 'A call'],
      ]);
    expect(
      (await call<{ noteVersions: unknown[] }>(VERSIONS, { id: memo.id })).data?.noteVersions,
    ).toEqual([]);
  });

  it('records mentions from ingestion as CONNECTOR and replies as the agent’s', async () => {
    const url = suite.api.graphqlUrl;
    const [mention] = await ingest(url, callers.agent, [
      post({ author: { handle: 'timeline_fan', displayName: 'Tim' } }),
    ]);
    const reply = await call(
      'mutation($id: ID!) { replyToMention(mentionId: $id, text: "Thanks!") { kind } }',
      { id: mention?.mentionId },
    );
    expect(reply.errors).toBeUndefined();
    const [next] = await ingest(url, callers.agent, [
      post({ author: { handle: 'timeline_fan' }, text: 'Brand A again' }),
    ]);
    const listed = await call<{ mentions: { edges: Array<{ node: { contactId: string } }> } }>(
      '{ mentions(filter: { authorHandle: "timeline_fan" }) { edges { node { contactId } } } }',
      {},
    );
    const contactId = listed.data?.mentions.edges[0]?.node.contactId as string;
    const agent = suite.world.users.aAGENT;
    const entries = (
      await timeline(contactId, { filter: { kinds: ['MENTION', 'REPLY'] } })
    ).edges.map(({ node }) => ({
      kind: node.kind,
      cause: node.cause,
      channel: node.channel,
      actor: node.actor,
      body: node.body,
    }));
    expect(entries).toEqual([
      { kind: 'MENTION', cause: 'CONNECTOR', channel: 'X', actor: null, body: 'Brand A again' },
      {
        kind: 'REPLY',
        cause: 'USER',
        channel: 'X',
        actor: { id: agent.id, email: agent.email },
        body: 'Thanks!',
      },
    ]);
    expect(next?.mentionId).toBeTruthy();
  });

  describe('in SQL as the api’s runtime role', () => {
    let runtime: pg.Client;
    beforeAll(async () => {
      runtime = new pg.Client({ connectionString: runtimeUrl(suite.databaseUrl) });
      await runtime.connect();
    });
    afterAll(async () => {
      await runtime?.end();
    });

    /** Runs `statement` in tenant A, rolled back; answers the error it raised, if any. */
    async function refusal(
      statement: string,
      params: unknown[],
    ): Promise<{ code?: string; message: string } | null> {
      await runtime.query('BEGIN');
      try {
        await runtime.query(`SELECT set_config('app.tenant_ids', $1, true)`, [
          `{${suite.world.tenants.a}}`,
        ]);
        const { rowCount } = await runtime.query(statement, params);
        if (rowCount !== 1) throw new Error(`the statement touched ${rowCount} rows`);
        return null;
      } catch (error) {
        return error as { code?: string; message: string };
      } finally {
        await runtime.query('ROLLBACK');
      }
    }

    it('lets the trigger refuse any change to an entry but a note’s text', async () => {
      const id = await contact('Trigger Tara');
      const logCall = await logged(id, {
        kind: 'CALL',
        occurredAt: '2026-01-01T00:00:00Z',
        body: 'Said yes',
      });
      const memo = await note(id, 'Draft');
      const changeBody = await refusal('UPDATE timeline_event SET body = $2 WHERE id = $1', [
        logCall.id,
        'Said no',
      ]);
      expect(changeBody).toMatchObject({
        code: '23001',
        message: expect.stringMatching(/only a note/),
      });
      const backdate = await refusal(
        "UPDATE timeline_event SET occurred_at = occurred_at - interval '1 day' WHERE id = $1",
        [logCall.id],
      );
      expect(backdate).toMatchObject({
        code: '23001',
        message: expect.stringMatching(/append-only/),
      });
      const reattribute = await refusal('UPDATE timeline_event SET actor_id = NULL WHERE id = $1', [
        memo.id,
      ]);
      expect(reattribute).toMatchObject({ code: '23001' });
      // The one change the trigger lets through: a note's new text (what editNote does).
      expect(
        await refusal('UPDATE timeline_event SET body = $2, edited_at = now() WHERE id = $1', [
          memo.id,
          'Final',
        ]),
      ).toBeNull();
    });
  });
});
