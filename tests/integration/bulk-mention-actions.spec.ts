import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const RESULT = 'mentionId ok errorCode errorMessage';
const ASSIGN = `mutation($mentionIds: [ID!]!, $userId: ID) { assignMentions(mentionIds: $mentionIds, userId: $userId) { ${RESULT} } }`;
const LEADS = `mutation($mentionIds: [ID!]!) { markAuthorsAsLeads(mentionIds: $mentionIds) { ${RESULT} } }`;

interface Result {
  mentionId: string;
  ok: boolean;
  errorCode: string | null;
  errorMessage: string | null;
}

const okFor = (mentionId: string): Result => ({
  mentionId,
  ok: true,
  errorCode: null,
  errorMessage: null,
});
const failedFor = (mentionId: string, errorCode: string): Result => ({
  mentionId,
  ok: false,
  errorCode,
  errorMessage: expect.any(String),
});

describe('bulk actions on selected mentions', () => {
  const suite = useSuite();
  let agent: Caller;
  let viewer: Caller;
  let bOwner: Caller;
  let bMentionId: string;

  beforeAll(async () => {
    const { api, world } = suite;
    const session = async (user: keyof typeof world.users, tenantId: string) => ({
      token: (await signIn(api.graphqlUrl, world.users[user].email, PASSWORD)).accessToken,
      tenantId,
    });
    agent = await session('aAGENT', world.tenants.a);
    viewer = await session('aVIEWER', world.tenants.a);
    bOwner = await session('bOwner', world.tenants.b);
    const [bMention] = await ingest(api.graphqlUrl, bOwner, [post({ text: 'Brand B rocks' })]);
    bMentionId = bMention?.mentionId ?? '';
  });

  const call = <T>(caller: Caller, document: string, variables: Record<string, unknown>) =>
    gql<T>(suite.api.graphqlUrl, document, variables, caller);

  async function ingestA(count: number, overrides: Record<string, unknown> = {}) {
    const rows = await ingest(
      suite.api.graphqlUrl,
      agent,
      Array.from({ length: count }, () => post(overrides)),
    );
    return rows.map((row) => row.mentionId ?? '');
  }

  /** Each mention's assignee and author contact, as the tenant's list shows them. */
  async function listed(caller: Caller, ids: string[]) {
    const response = await call<{
      mentions: {
        edges: Array<{ node: { id: string; assignedToId: string | null; contactId: string } }>;
      };
    }>(caller, '{ mentions(first: 100) { edges { node { id assignedToId contactId } } } }', {});
    const byId = new Map(response.data?.mentions.edges.map((edge) => [edge.node.id, edge.node]));
    return ids.map((id) => byId.get(id));
  }

  it('assigns a selection, one result per id in order; bad ids do not stop the others', async () => {
    const [m1, m2, m3] = (await ingestA(3)) as [string, string, string];
    const manager = suite.world.users.aMANAGER.id;
    const unknown = randomUUID();
    const selection = [m1, 'not-an-id', bMentionId, unknown, m2.toUpperCase(), m3];
    const assigned = await call<{ assignMentions: Result[] }>(agent, ASSIGN, {
      mentionIds: selection,
      userId: manager,
    });
    expect(assigned.data?.assignMentions).toEqual([
      okFor(m1),
      failedFor('not-an-id', 'BAD_USER_INPUT'),
      failedFor(bMentionId, 'NOT_FOUND'),
      failedFor(unknown, 'NOT_FOUND'),
      okFor(m2.toUpperCase()),
      okFor(m3),
    ]);
    expect((await listed(agent, [m1, m2, m3])).map((m) => m?.assignedToId)).toEqual([
      manager,
      manager,
      manager,
    ]);
    // Tenant B's mention is untouched (its owner sees it unassigned).
    expect((await listed(bOwner, [bMentionId]))[0]?.assignedToId).toBeNull();

    const cleared = await call<{ assignMentions: Result[] }>(agent, ASSIGN, {
      mentionIds: [m2, m3],
      userId: null,
    });
    expect(cleared.data?.assignMentions).toEqual([okFor(m2), okFor(m3)]);
    expect((await listed(agent, [m1, m2, m3])).map((m) => m?.assignedToId)).toEqual([
      manager,
      null,
      null,
    ]);
  });

  it('refuses the whole selection for an assignee who cannot act here, as for one mention', async () => {
    const [mention] = (await ingestA(1)) as [string];
    for (const userId of [suite.world.users.aVIEWER.id, suite.world.users.bOwner.id, 'nobody']) {
      const response = await call(agent, ASSIGN, { mentionIds: [mention], userId });
      expect(errorCodes(response)).toEqual(['BAD_USER_INPUT']);
      expect(response.errors?.[0]?.extensions?.fields).toEqual([
        { field: 'userId', message: expect.any(String) },
      ]);
    }
    expect((await listed(agent, [mention]))[0]?.assignedToId).toBeNull();
  });

  it('makes the authors leads; a mention without an author or a bad id does not stop the others', async () => {
    const [first, second] = (await ingestA(2)) as [string, string];
    // Two mentions by one author: the second finds the lead the first made.
    const [sameA, sameB] = (await ingestA(2, { author: { handle: 'regular_fan' } })) as [
      string,
      string,
    ];
    const [authorless] = (await ingestA(1)) as [string];
    await withClient(suite.databaseUrl, (db) =>
      db.query('UPDATE mention SET author_identity_id = NULL WHERE id = $1', [authorless]),
    );
    const selection = [first, authorless, sameA, bMentionId, 'bogus', sameB, second];
    const response = await call<{ markAuthorsAsLeads: Result[] }>(agent, LEADS, {
      mentionIds: selection,
    });
    expect(response.data?.markAuthorsAsLeads).toEqual([
      okFor(first),
      failedFor(authorless, 'BAD_USER_INPUT'),
      okFor(sameA),
      failedFor(bMentionId, 'NOT_FOUND'),
      failedFor('bogus', 'BAD_USER_INPUT'),
      okFor(sameB),
      okFor(second),
    ]);

    const rows = await listed(agent, [first, sameA, sameB, second, authorless]);
    const contactIds = rows.map((row) => row?.contactId);
    expect(contactIds[1]).toBe(contactIds[2]);
    expect(new Set(contactIds.slice(0, 4)).size).toBe(3);
    expect(contactIds[4]).toBeNull();
    for (const contactId of new Set(contactIds.slice(0, 4))) {
      const contact = await call<{
        contact: { lifecycleStage: string };
        contactTimeline: { edges: Array<{ node: { kind: string; actorId: string } }> };
      }>(
        agent,
        'query($id: ID!) { contact(id: $id) { lifecycleStage } contactTimeline(contactId: $id) { edges { node { kind actorId } } } }',
        { id: contactId },
      );
      expect(contact.data?.contact.lifecycleStage).toBe('lead');
      // One stage change each, by the agent, even for the author selected twice.
      expect(contact.data?.contactTimeline.edges.map((edge) => edge.node)).toEqual([
        { kind: 'LIFECYCLE_CHANGE', actorId: suite.world.users.aAGENT.id },
      ]);
    }
    // Tenant B's author did not become a contact.
    expect((await listed(bOwner, [bMentionId]))[0]?.contactId).toBeNull();
  });

  it('requires the role of the single actions and at most 200 ids', async () => {
    const [mention] = (await ingestA(1)) as [string];
    for (const [document, variables] of [
      [ASSIGN, { mentionIds: [mention], userId: null }],
      [LEADS, { mentionIds: [mention] }],
    ] as const) {
      const refused = await call(viewer, document, variables);
      expect(errorCodes(refused)).toEqual(['FORBIDDEN']);
      expect(refused.data ?? null).toBeNull();
      const tooMany = await call(agent, document, {
        ...variables,
        mentionIds: Array.from({ length: 201 }, () => mention),
      });
      expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
      expect(tooMany.errors?.[0]?.extensions?.fields).toEqual([
        {
          field: 'mentionIds',
          message: expect.any(String),
          reason: 'TOO_MANY',
          params: { max: 200 },
        },
      ]);
    }
    const full = await call<{ assignMentions: Result[] }>(agent, ASSIGN, {
      mentionIds: Array.from({ length: 200 }, () => mention),
      userId: suite.world.users.aAGENT.id,
    });
    expect(full.data?.assignMentions).toHaveLength(200);
    expect(full.data?.assignMentions.every((result) => result.ok)).toBe(true);
    expect((await listed(agent, [mention]))[0]?.assignedToId).toBe(suite.world.users.aAGENT.id);
  });

  it('refuses a user of another tenant outright', async () => {
    const [mention] = (await ingestA(1)) as [string];
    const intruder = { ...bOwner, tenantId: suite.world.tenants.a };
    for (const document of [ASSIGN, LEADS]) {
      const response = await call(intruder, document, { mentionIds: [mention], userId: null });
      expect(errorCodes(response)).toEqual(['FORBIDDEN']);
      expect(response.data ?? null).toBeNull();
    }
    expect((await listed(agent, [mention]))[0]).toMatchObject({
      assignedToId: null,
      contactId: null,
    });
  });
});
