import { beforeAll, describe, expect, it } from 'vitest';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const TIMELINE =
  'query($id: ID!) { contactTimeline(contactId: $id) { totalCount edges { node { kind body mentionId actorId } } } }';

describe('acting on mentions: reply, assign, qualify; the contact timeline', () => {
  const suite = useSuite();
  let agent: Caller & { token: string };
  let owner: Caller & { token: string };

  beforeAll(async () => {
    const { api, world } = suite;
    agent = {
      token: (await signIn(api.graphqlUrl, world.users.aAGENT.email, PASSWORD)).accessToken,
      tenantId: world.tenants.a,
    };
    owner = {
      token: (await signIn(api.graphqlUrl, world.users.aOWNER.email, PASSWORD)).accessToken,
      tenantId: world.tenants.a,
    };
  });

  it('logs a reply on the author’s timeline, making the author a contact, then their next mention too', async () => {
    const url = suite.api.graphqlUrl;
    const [mention] = await ingest(url, agent, [
      post({ author: { handle: 'replied_to', displayName: 'Rita' } }),
    ]);
    const reply = await gql<{ replyToMention: { kind: string } }>(
      url,
      'mutation($id: ID!) { replyToMention(mentionId: $id, text: "Thanks, Rita!") { kind } }',
      { id: mention?.mentionId },
      agent,
    );
    expect(reply.data).toEqual({ replyToMention: { kind: 'REPLY' } });
    const [next] = await ingest(url, agent, [
      post({ author: { handle: 'replied_to' }, text: 'Brand A again' }),
    ]);
    const listed = await gql<{
      mentions: { edges: Array<{ node: { id: string; contactId: string } }> };
    }>(
      url,
      '{ mentions(filter: { authorHandle: "replied_to" }) { edges { node { id contactId } } } }',
      {},
      agent,
    );
    const contactId = listed.data?.mentions.edges[0]?.node.contactId;
    const timeline = await gql<{
      contactTimeline: { totalCount: number; edges: Array<{ node: Record<string, unknown> }> };
    }>(url, TIMELINE, { id: contactId }, agent);
    expect(timeline.data?.contactTimeline.edges.map((edge) => edge.node)).toEqual([
      { kind: 'MENTION', body: 'Brand A again', mentionId: next?.mentionId, actorId: null },
      {
        kind: 'REPLY',
        body: 'Thanks, Rita!',
        mentionId: mention?.mentionId,
        actorId: suite.world.users.aAGENT.id,
      },
    ]);
    const contact = await gql(
      url,
      'query($id: ID!) { contact(id: $id) { displayName lifecycleStage identities { handle } } }',
      { id: contactId },
      agent,
    );
    expect(contact.data).toEqual({
      contact: {
        displayName: 'Rita',
        lifecycleStage: 'subscriber',
        identities: [{ handle: 'replied_to' }],
      },
    });
  });

  it('marks an author as a lead once, recording the stage change', async () => {
    const url = suite.api.graphqlUrl;
    const [mention] = await ingest(url, agent, [post({ author: { handle: 'future_lead' } })]);
    const mark = 'mutation($id: ID!) { markAuthorAsLead(mentionId: $id) { id lifecycleStage } }';
    const first = await gql<{ markAuthorAsLead: { id: string; lifecycleStage: string } }>(
      url,
      mark,
      { id: mention?.mentionId },
      agent,
    );
    expect(first.data?.markAuthorAsLead.lifecycleStage).toBe('lead');
    const again = await gql<{ markAuthorAsLead: { lifecycleStage: string } }>(
      url,
      mark,
      { id: mention?.mentionId },
      agent,
    );
    expect(again.data?.markAuthorAsLead.lifecycleStage).toBe('lead');
    const timeline = await gql<{ contactTimeline: { edges: Array<{ node: { kind: string } }> } }>(
      url,
      TIMELINE,
      { id: first.data?.markAuthorAsLead.id },
      agent,
    );
    expect(timeline.data?.contactTimeline.edges.map((edge) => edge.node.kind)).toEqual([
      'LIFECYCLE_CHANGE',
    ]);
  });

  it('assigns a mention only to a user of the tenant', async () => {
    const url = suite.api.graphqlUrl;
    const [mention] = await ingest(url, agent, [post()]);
    const assign =
      'mutation($id: ID!, $user: ID) { assignMention(mentionId: $id, userId: $user) { assignedToId } }';
    const ok = await gql(
      url,
      assign,
      { id: mention?.mentionId, user: suite.world.users.aMANAGER.id },
      agent,
    );
    expect(ok.data).toEqual({ assignMention: { assignedToId: suite.world.users.aMANAGER.id } });
    const agencyMember = await gql(
      url,
      assign,
      { id: mention?.mentionId, user: suite.world.users.northMember.id },
      agent,
    );
    expect(agencyMember.data).toEqual({
      assignMention: { assignedToId: suite.world.users.northMember.id },
    });
    const stranger = await gql(
      url,
      assign,
      { id: mention?.mentionId, user: suite.world.users.bOwner.id },
      agent,
    );
    expect(errorCodes(stranger)).toEqual(['BAD_USER_INPUT']);
    const cleared = await gql(url, assign, { id: mention?.mentionId, user: null }, agent);
    expect(cleared.data).toEqual({ assignMention: { assignedToId: null } });
  });

  it('turns new authors into lead contacts when the tenant asks for it', async () => {
    const url = suite.api.graphqlUrl;
    expect(
      errorCodes(
        await gql(
          url,
          'mutation { updateListeningSettings(autoCreateLeads: true) { autoCreateLeads } }',
          {},
          agent,
        ),
      ),
    ).toEqual(['FORBIDDEN']);
    await gql(
      url,
      'mutation { updateListeningSettings(autoCreateLeads: true) { autoCreateLeads } }',
      {},
      owner,
    );
    await ingest(url, agent, [post({ author: { handle: 'auto_lead', displayName: 'Auto' } })]);
    const listed = await gql<{ mentions: { edges: Array<{ node: { contactId: string } }> } }>(
      url,
      '{ mentions(filter: { authorHandle: "auto_lead" }) { edges { node { contactId } } } }',
      {},
      agent,
    );
    const contactId = listed.data?.mentions.edges[0]?.node.contactId;
    const contact = await gql(
      url,
      'query($id: ID!) { contact(id: $id) { lifecycleStage } }',
      { id: contactId },
      agent,
    );
    expect(contact.data).toEqual({ contact: { lifecycleStage: 'lead' } });
    const timeline = await gql<{ contactTimeline: { edges: Array<{ node: { kind: string } }> } }>(
      url,
      TIMELINE,
      { id: contactId },
      agent,
    );
    expect(timeline.data?.contactTimeline.edges.map((edge) => edge.node.kind)).toEqual(['MENTION']);
    await gql(
      url,
      'mutation { updateListeningSettings(autoCreateLeads: false) { autoCreateLeads } }',
      {},
      owner,
    );
  });

  it('refuses actions to a viewer and a reply without text', async () => {
    const url = suite.api.graphqlUrl;
    const viewer = {
      token: (await signIn(url, suite.world.users.aVIEWER.email, PASSWORD)).accessToken,
      tenantId: suite.world.tenants.a,
    };
    const [mention] = await ingest(url, agent, [post()]);
    const reply =
      'mutation($id: ID!, $text: String!) { replyToMention(mentionId: $id, text: $text) { id } }';
    expect(
      errorCodes(await gql(url, reply, { id: mention?.mentionId, text: 'hello' }, viewer)),
    ).toEqual(['FORBIDDEN']);
    const empty = await gql(url, reply, { id: mention?.mentionId, text: '   ' }, agent);
    expect(empty.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'text', message: 'is required', reason: 'REQUIRED' },
    ]);
    const long = await gql(url, reply, { id: mention?.mentionId, text: 'é'.repeat(5_001) }, agent);
    expect(long.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'text', reason: 'TOO_LONG', params: { max: 5_000 } }),
    ]);
  });

  it('lists who has access and how, and assigns only to those who can act, agency staff included', async () => {
    const { api, world } = suite;
    const url = api.graphqlUrl;
    const people = await gql<{
      peopleWithAccess: Array<{
        user: { email: string };
        role: string;
        directRole: string | null;
        agencyRole: string | null;
      }>;
    }>(url, '{ peopleWithAccess { user { email } role directRole agencyRole } }', {}, owner);
    const byEmail = new Map(people.data?.peopleWithAccess.map((p) => [p.user.email, p]));
    expect(byEmail.get(world.users.northMember.email)).toMatchObject({
      role: 'MANAGER',
      directRole: null,
      agencyRole: 'MEMBER',
    });
    expect(byEmail.get(world.users.northAdmin.email)).toMatchObject({
      role: 'OWNER',
      agencyRole: 'ADMIN',
    });
    expect(byEmail.get(world.users.aVIEWER.email)).toMatchObject({
      role: 'VIEWER',
      directRole: 'VIEWER',
    });
    expect(byEmail.has(world.users.bOwner.email)).toBe(false);

    const [mention] = await ingest(url, agent, [post()]);
    const assign = (userId: string) =>
      gql(
        url,
        'mutation($m: ID!, $u: ID) { assignMention(mentionId: $m, userId: $u) { assignedToId } }',
        { m: mention?.mentionId, u: userId },
        owner,
      );
    const toViewer = await assign(world.users.aVIEWER.id);
    expect(errorCodes(toViewer)).toEqual(['BAD_USER_INPUT']);
    expect(JSON.stringify(toViewer.errors)).toContain('viewer');
    expect((await assign(world.users.northMember.id)).errors).toBeUndefined();
  });

  it('does not show another tenant who has access', async () => {
    const { api, world } = suite;
    const bOwner = (await signIn(api.graphqlUrl, world.users.bOwner.email, PASSWORD)).accessToken;
    const intruding = await gql(
      api.graphqlUrl,
      '{ peopleWithAccess { user { email } } }',
      {},
      { token: bOwner, tenantId: world.tenants.a },
    );
    expect(errorCodes(intruding)).toEqual(['FORBIDDEN']);
    expect(intruding.data).toBeNull();
  });
});
