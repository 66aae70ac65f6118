import { beforeAll, describe, expect, it } from 'vitest';
import { type GraphQLResponse, gql, type Session, signIn } from '../support/graphql-client.js';
import { ingest, post } from '../support/mentions.js';
import { rootFieldNames } from '../support/schema-operations.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, TENANT_ROLES } from '../support/world.js';
import type { Targets, TenantOperation } from './isolation/area.js';
import { ISOLATION_AREAS } from './isolation/index.js';

const BRAND_INPUT = { name: 'Intruder', kind: 'OWN', keywords: ['intruder'] };

// Every tenant-scoped operation, aimed at tenant B. A new operation must be added here:
// the coverage test below fails otherwise.
const CORE_OPERATIONS: Record<string, TenantOperation> = {
  brands: {
    document: '{ brands { totalCount edges { node { id name } } } }',
    variables: () => ({}),
  },
  brand: {
    document: 'query($id: ID!) { brand(id: $id) { id name } }',
    variables: (w) => ({ id: w.brands.b }),
  },
  createBrand: {
    document: 'mutation($input: CreateBrandInput!) { createBrand(input: $input) { id } }',
    variables: () => ({ input: BRAND_INPUT }),
  },
  updateBrand: {
    document: 'mutation($id: ID!) { updateBrand(id: $id, input: { name: "stolen" }) { id name } }',
    variables: (w) => ({ id: w.brands.b }),
  },
  deleteBrand: {
    document: 'mutation($id: ID!) { deleteBrand(id: $id) }',
    variables: (w) => ({ id: w.brands.b }),
  },
  members: {
    document: '{ members { totalCount edges { node { id user { email } } } } }',
    variables: () => ({}),
  },
  peopleWithAccess: {
    document: '{ peopleWithAccess { role user { email } } }',
    variables: () => ({}),
  },
  changeMemberRole: {
    document: 'mutation($id: ID!) { changeMemberRole(userId: $id, role: VIEWER) { id role } }',
    variables: (w) => ({ id: w.users.bOwner.id }),
  },
  removeMember: {
    document: 'mutation($id: ID!) { removeMember(userId: $id) }',
    variables: (w) => ({ id: w.users.bOwner.id }),
  },
  invitations: { document: '{ invitations { id email } }', variables: () => ({}) },
  inviteMember: {
    document:
      'mutation { inviteMember(input: { email: "spy@example.com", role: OWNER }) { token } }',
    variables: () => ({}),
  },
  revokeInvitation: {
    document: 'mutation($id: ID!) { revokeInvitation(id: $id) }',
    variables: (_w, t) => ({ id: t.bInvitationId }),
  },
  apiKeys: { document: '{ apiKeys { id prefix } }', variables: () => ({}) },
  createApiKey: {
    document: 'mutation { createApiKey(input: { name: "spy", role: OWNER }) { secret } }',
    variables: () => ({}),
  },
  mentions: {
    document: '{ mentions { totalCount edges { node { id text } } } }',
    variables: () => ({}),
  },
  mentionFeedCursor: { document: '{ mentionFeedCursor }', variables: () => ({}) },
  mentionStats: {
    document:
      'query { mentionStats(period: { from: "2026-01-01T00:00:00Z", to: "2026-02-01T00:00:00Z" }) { volume { mentions } } }',
    variables: () => ({}),
  },
  replyToMention: {
    document: 'mutation($id: ID!) { replyToMention(mentionId: $id, text: "hi") { id } }',
    variables: (_w, t) => ({ id: t.bMentionId }),
  },
  assignMention: {
    document: 'mutation($id: ID!) { assignMention(mentionId: $id, userId: null) { id } }',
    variables: (_w, t) => ({ id: t.bMentionId }),
  },
  markAuthorAsLead: {
    document: 'mutation($id: ID!) { markAuthorAsLead(mentionId: $id) { id } }',
    variables: (_w, t) => ({ id: t.bMentionId }),
  },
  // Bulk actions answer another tenant's id per mention (NOT_FOUND) rather than failing:
  // bulk-mention-actions.spec.ts checks that; here they are refused in tenant B.
  assignMentions: {
    document:
      'mutation($mentionIds: [ID!]!) { assignMentions(mentionIds: $mentionIds, userId: null) { ok } }',
    variables: (_w, t) => ({ mentionIds: [t.bMentionId] }),
  },
  markAuthorsAsLeads: {
    document:
      'mutation($mentionIds: [ID!]!) { markAuthorsAsLeads(mentionIds: $mentionIds) { ok } }',
    variables: (_w, t) => ({ mentionIds: [t.bMentionId] }),
  },
  savedMentionViews: { document: '{ savedMentionViews { id name } }', variables: () => ({}) },
  createSavedMentionView: {
    document: 'mutation { createSavedMentionView(input: { name: "spy", filter: {} }) { id } }',
    variables: () => ({}),
  },
  updateSavedMentionView: {
    document:
      'mutation($id: ID!) { updateSavedMentionView(id: $id, input: { name: "stolen" }) { id name } }',
    variables: (_w, t) => ({ id: t.bSavedViewId }),
  },
  deleteSavedMentionView: {
    document: 'mutation($id: ID!) { deleteSavedMentionView(id: $id) }',
    variables: (_w, t) => ({ id: t.bSavedViewId }),
  },
  brandTermsPreview: {
    document:
      '{ brandTermsPreview(terms: { keywords: ["brand b"] }) { matchCount mentions { id text } } }',
    variables: () => ({}),
  },
  contact: {
    document: 'query($id: ID!) { contact(id: $id) { id displayName } }',
    variables: (_w, t) => ({ id: t.bContactId }),
  },
  contactTimeline: {
    document: 'query($id: ID!) { contactTimeline(contactId: $id) { totalCount } }',
    variables: (_w, t) => ({ id: t.bContactId }),
  },
  listeningSettings: {
    document: '{ listeningSettings { autoCreateLeads } }',
    variables: () => ({}),
  },
  backgroundJobs: {
    document: '{ backgroundJobs { id name state } }',
    variables: () => ({}),
  },
  updateListeningSettings: {
    document: 'mutation { updateListeningSettings(autoCreateLeads: true) { autoCreateLeads } }',
    variables: () => ({}),
  },
  ingestMentions: {
    document:
      'mutation { ingestMentions(input: [{ channel: X, externalId: "spy-1", text: "Brand B", publishedAt: "2026-01-01T00:00:00Z", author: { handle: "spy" } }]) { outcome } }',
    variables: () => ({}),
  },
  revokeApiKey: {
    document: 'mutation($id: ID!) { revokeApiKey(id: $id) { id } }',
    variables: (_w, t) => ({ id: t.bApiKeyId }),
  },
  connectors: { document: '{ connectors { id name } }', variables: () => ({}) },
  createConnector: {
    document:
      'mutation { createConnector(input: { kind: META_WEBHOOK, name: "spy", settings: { channel: FACEBOOK }, secret: "spy-secret" }) { verifyToken } }',
    variables: () => ({}),
  },
  updateConnector: {
    document: 'mutation($id: ID!) { updateConnector(id: $id, input: { paused: true }) { id } }',
    variables: (_w, t) => ({ id: t.bConnectorId }),
  },
  deleteConnector: {
    document: 'mutation($id: ID!) { deleteConnector(id: $id) }',
    variables: (_w, t) => ({ id: t.bConnectorId }),
  },
  pollConnectorNow: {
    document: 'mutation($id: ID!) { pollConnectorNow(id: $id) { id } }',
    variables: (_w, t) => ({ id: t.bConnectorId }),
  },
};

// Operations that act on no tenant named by the header; each has its own cross-tenant test.
const TENANT_OPERATIONS: Record<string, TenantOperation> = Object.assign(
  {},
  CORE_OPERATIONS,
  ...ISOLATION_AREAS.map((area) => area.operations),
);

const UNSCOPED_OPERATIONS = [
  'me',
  'agencyOverview',
  'createTenant',
  'signIn',
  'refreshSession',
  'signOut',
  'acceptInvitation',
];

// Subscriptions, each refused across tenants in its own suite (mentions, mention-stats).
const SUBSCRIPTIONS = ['mentionAdded', 'mentionsAdded', 'spikeAlerts'];

const ATTACKERS = [
  ...TENANT_ROLES.map((role) => `a${role}` as const),
  'northAdmin',
  'northMember',
] as const;

function expectRefused(response: GraphQLResponse<unknown>) {
  expect(response.errors?.length, JSON.stringify(response)).toBeGreaterThan(0);
  for (const error of response.errors ?? [])
    expect(['FORBIDDEN', 'NOT_FOUND']).toContain(error.extensions?.code);
  // A nullable root field (`latest…`) answers null beside its error: nothing of B's leaks.
  const fields = Object.values((response.data ?? {}) as Record<string, unknown>);
  expect(fields.every((value) => value === null)).toBe(true);
}

describe('tenant isolation through the api', () => {
  const suite = useSuite();
  const sessions = new Map<string, Session>();
  let targets: Targets;

  beforeAll(async () => {
    const { world, api } = suite;
    for (const name of [...ATTACKERS, 'bOwner'] as const) {
      sessions.set(name, await signIn(api.graphqlUrl, world.users[name].email, PASSWORD));
    }
    const bOwner = { token: sessions.get('bOwner')?.accessToken, tenantId: world.tenants.b };
    const key = await gql<{ createApiKey: { apiKey: { id: string } } }>(
      api.graphqlUrl,
      'mutation { createApiKey(input: { name: "b key", role: VIEWER }) { apiKey { id } } }',
      {},
      bOwner,
    );
    const invitation = await gql<{ inviteMember: { invitation: { id: string } } }>(
      api.graphqlUrl,
      'mutation { inviteMember(input: { email: "new@example.com", role: AGENT }) { invitation { id } } }',
      {},
      bOwner,
    );
    const [bMention] = await ingest(api.graphqlUrl, bOwner, [post({ text: 'Brand B is great' })]);
    const lead = await gql<{ markAuthorAsLead: { id: string } }>(
      api.graphqlUrl,
      'mutation($id: ID!) { markAuthorAsLead(mentionId: $id) { id } }',
      { id: bMention?.mentionId },
      bOwner,
    );
    const connector = await gql<{ createConnector: { connector: { id: string } } }>(
      api.graphqlUrl,
      'mutation { createConnector(input: { kind: META_WEBHOOK, name: "b page", settings: { channel: FACEBOOK }, secret: "b-app-secret" }) { connector { id } } }',
      {},
      bOwner,
    );
    const view = await gql<{ createSavedMentionView: { id: string } }>(
      api.graphqlUrl,
      'mutation { createSavedMentionView(input: { name: "b view", filter: {} }) { id } }',
      {},
      bOwner,
    );
    const areaTargets = [];
    for (const area of ISOLATION_AREAS)
      areaTargets.push(await area.prepare(api.graphqlUrl, bOwner, world));
    targets = Object.assign(
      {
        bSavedViewId: view.data?.createSavedMentionView.id ?? '',
        bConnectorId: connector.data?.createConnector.connector.id ?? '',
        bApiKeyId: key.data?.createApiKey.apiKey.id ?? '',
        bInvitationId: invitation.data?.inviteMember.invitation.id ?? '',
        bMentionId: bMention?.mentionId ?? '',
        bContactId: lead.data?.markAuthorAsLead.id ?? '',
      },
      ...areaTargets,
    );
  });

  it('covers every query and mutation of the contract', () => {
    const { queries, mutations, subscriptions } = rootFieldNames();
    const covered = [
      ...Object.keys(TENANT_OPERATIONS),
      ...UNSCOPED_OPERATIONS,
      ...SUBSCRIPTIONS,
    ].sort();
    expect(covered).toEqual([...queries, ...mutations, ...subscriptions].sort());
  });

  describe.each(ATTACKERS)('as %s of agency North / tenant A', (attacker) => {
    const attempt = (name: string, actingIn: string) => {
      const operation = TENANT_OPERATIONS[name] as TenantOperation;
      return gql(
        suite.api.graphqlUrl,
        operation.document,
        operation.variables(suite.world, targets),
        {
          token: sessions.get(attacker)?.accessToken,
          tenantId: actingIn,
        },
      );
    };
    const aimedById = Object.keys(TENANT_OPERATIONS).filter((name) =>
      TENANT_OPERATIONS[name]?.document.includes('$id'),
    );

    it.each(Object.keys(TENANT_OPERATIONS))(
      'is refused %s with X-Tenant-Id of tenant B',
      async (name) => {
        expectRefused(await attempt(name, suite.world.tenants.b));
      },
    );

    it.each(aimedById)(
      'cannot reach tenant B’s object through %s while acting in tenant A',
      async (name) => {
        expectRefused(await attempt(name, suite.world.tenants.a));
      },
    );
  });

  it('leaves tenant B’s data untouched after every attempt (positive control: B’s owner sees it)', async () => {
    const { world, api } = suite;
    const bOwner = { token: sessions.get('bOwner')?.accessToken, tenantId: world.tenants.b };
    const brands = await gql<{ brands: { edges: Array<{ node: { id: string; name: string } }> } }>(
      api.graphqlUrl,
      '{ brands { edges { node { id name } } } }',
      {},
      bOwner,
    );
    expect(brands.data?.brands.edges.map((edge) => edge.node)).toEqual([
      { id: world.brands.b, name: 'Brand B' },
    ]);
    const members = await gql<{
      members: { edges: Array<{ node: { id: string; role: string } }> };
    }>(api.graphqlUrl, '{ members { edges { node { id role } } } }', {}, bOwner);
    expect(members.data?.members.edges.map((edge) => edge.node)).toEqual([
      { id: world.users.bOwner.id, role: 'OWNER' },
    ]);
    const keys = await gql<{ apiKeys: Array<{ revokedAt: string | null }> }>(
      api.graphqlUrl,
      '{ apiKeys { revokedAt } }',
      {},
      bOwner,
    );
    expect(keys.data?.apiKeys).toEqual([{ revokedAt: null }]);
    const settings = await gql(
      api.graphqlUrl,
      '{ listeningSettings { autoCreateLeads } }',
      {},
      bOwner,
    );
    expect(settings.data).toEqual({ listeningSettings: { autoCreateLeads: false } });
    const timeline = await gql(
      api.graphqlUrl,
      'query($id: ID!) { contactTimeline(contactId: $id) { edges { node { kind } } } }',
      { id: targets.bContactId },
      bOwner,
    );
    expect(timeline.data).toEqual({
      contactTimeline: { edges: [{ node: { kind: 'LIFECYCLE_CHANGE' } }] },
    });
    const mention = await gql<{
      mentions: { edges: Array<{ node: { assignedToId: string | null } }> };
    }>(api.graphqlUrl, '{ mentions { edges { node { assignedToId } } } }', {}, bOwner);
    expect(mention.data?.mentions.edges.map((edge) => edge.node.assignedToId)).toEqual([null]);
    const invitations = await gql<{ invitations: Array<{ email: string }> }>(
      api.graphqlUrl,
      '{ invitations { email } }',
      {},
      bOwner,
    );
    expect(invitations.data?.invitations).toEqual([{ email: 'new@example.com' }]);
    const connectors = await gql<{
      connectors: Array<{ id: string; name: string; status: string }>;
    }>(api.graphqlUrl, '{ connectors { id name status } }', {}, bOwner);
    expect(connectors.data?.connectors).toEqual([
      { id: targets.bConnectorId, name: 'b page', status: 'ACTIVE' },
    ]);
    const views = await gql(api.graphqlUrl, '{ savedMentionViews { id name } }', {}, bOwner);
    expect(views.data).toEqual({
      savedMentionViews: [{ id: targets.bSavedViewId, name: 'b view' }],
    });
  });

  it('lists in `me` only the tenants a user reaches', async () => {
    const { world, api } = suite;
    const tenantsOf = async (name: string) => {
      const response = await gql<{ me: { tenants: Array<{ tenant: { id: string } }> } }>(
        api.graphqlUrl,
        '{ me { tenants { tenant { id } } } }',
        {},
        { token: sessions.get(name)?.accessToken },
      );
      return response.data?.me.tenants.map((access) => access.tenant.id).sort();
    };
    expect(await tenantsOf('aVIEWER')).toEqual([world.tenants.a]);
    expect(await tenantsOf('northMember')).toEqual([world.tenants.a, world.tenants.a2].sort());
    expect(await tenantsOf('bOwner')).toEqual([world.tenants.b]);
  });

  it('refuses createTenant in an agency the caller does not administer', async () => {
    const { world, api } = suite;
    for (const name of ['northAdmin', 'northMember', 'aOWNER'] as const) {
      const response = await gql(
        api.graphqlUrl,
        'mutation($agencyId: ID!) { createTenant(input: { agencyId: $agencyId, name: "Spy brand" }) { id } }',
        { agencyId: name === 'northAdmin' ? world.agencies.south : world.agencies.north },
        { token: sessions.get(name)?.accessToken },
      );
      expectRefused(response);
    }
  });
});
