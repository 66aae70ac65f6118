import { beforeAll, describe, expect, it } from 'vitest';
import { withClient } from '../support/databases.js';
import { errorCodes, gql, type Session, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const INVITE =
  'mutation($email: String!, $role: TenantRole!) { inviteMember(input: { email: $email, role: $role }) { token invitation { id } } }';
const ACCEPT =
  'mutation($input: AcceptInvitationInput!) { acceptInvitation(input: $input) { accessToken refreshToken } }';
const MEMBERS = '{ members { totalCount edges { node { id role user { email } } } } }';

describe('tenant administration', () => {
  const suite = useSuite();
  const session = new Map<string, Session>();
  const as = (name: string, tenantId?: string) => ({
    token: session.get(name)?.accessToken,
    tenantId,
  });

  beforeAll(async () => {
    for (const name of ['northAdmin', 'northMember', 'aOWNER', 'aMANAGER', 'aVIEWER'] as const) {
      session.set(
        name,
        await signIn(suite.api.graphqlUrl, suite.world.users[name].email, PASSWORD),
      );
    }
  });

  it('lets an agency admin create a tenant that every agency user reaches at once', async () => {
    const { world, api } = suite;
    const created = await gql<{
      createTenant: { id: string; slug: string; agency: { id: string } };
    }>(
      api.graphqlUrl,
      'mutation($agencyId: ID!) { createTenant(input: { agencyId: $agencyId, name: "Café Nuevo" }) { id slug agency { id } } }',
      { agencyId: world.agencies.north },
      as('northAdmin'),
    );
    const tenant = created.data?.createTenant;
    expect(tenant?.agency.id).toBe(world.agencies.north);
    expect(tenant?.slug).toMatch(/^cafe-nuevo-/);
    const me = await gql<{ me: { tenants: Array<{ role: string; tenant: { id: string } }> } }>(
      api.graphqlUrl,
      '{ me { tenants { role tenant { id } } } }',
      {},
      as('northMember'),
    );
    expect(me.data?.me.tenants).toContainEqual({ role: 'MANAGER', tenant: { id: tenant?.id } });
  });

  it('refuses tenant creation to an agency member and names a bad slug', async () => {
    const { world, api } = suite;
    const member = await gql(
      api.graphqlUrl,
      'mutation($a: ID!) { createTenant(input: { agencyId: $a, name: "Nope" }) { id } }',
      { a: world.agencies.north },
      as('northMember'),
    );
    expect(errorCodes(member)).toEqual(['FORBIDDEN']);
    const badSlug = await gql(
      api.graphqlUrl,
      'mutation($a: ID!) { createTenant(input: { agencyId: $a, name: "Ok", slug: "Not A Slug" }) { id } }',
      { a: world.agencies.north },
      as('northAdmin'),
    );
    expect(errorCodes(badSlug)).toEqual(['BAD_USER_INPUT']);
    expect(badSlug.errors?.[0]?.extensions?.fields).toEqual([
      {
        field: 'input.slug',
        message: expect.any(String),
        reason: 'SLUG_FORMAT',
      },
    ]);
  });

  it('accepts an invitation once, with the invited role, and signs the new user in', async () => {
    const { world, api } = suite;
    const invited = await gql<{ inviteMember: { token: string } }>(
      api.graphqlUrl,
      INVITE,
      { email: 'agent.new@example.com', role: 'AGENT' },
      as('aOWNER', world.tenants.a),
    );
    const token = invited.data?.inviteMember.token;
    const accepted = await gql<{ acceptInvitation: { accessToken: string } }>(
      api.graphqlUrl,
      ACCEPT,
      { input: { token, name: 'New Agent', password: 'Brand-new-pass-1' } },
    );
    const access = accepted.data?.acceptInvitation.accessToken;
    const me = await gql<{ me: { tenants: Array<{ role: string; tenant: { id: string } }> } }>(
      api.graphqlUrl,
      '{ me { tenants { role tenant { id } } } }',
      {},
      { token: access },
    );
    expect(me.data?.me.tenants).toEqual([{ role: 'AGENT', tenant: { id: world.tenants.a } }]);
    const again = await gql(api.graphqlUrl, ACCEPT, {
      input: { token, name: 'Replay', password: 'Brand-new-pass-1' },
    });
    expect(errorCodes(again)).toEqual(['BAD_USER_INPUT']);
  });

  it('refuses an expired or revoked invitation', async () => {
    const { world, api, databaseUrl } = suite;
    const expiring = await gql<{ inviteMember: { token: string; invitation: { id: string } } }>(
      api.graphqlUrl,
      INVITE,
      { email: 'late@example.com', role: 'VIEWER' },
      as('aOWNER', world.tenants.a),
    );
    await withClient(databaseUrl, async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${world.tenants.a}}`]);
      await db.query(
        `UPDATE invitation SET expires_at = now() - interval '1 minute' WHERE id = $1`,
        [expiring.data?.inviteMember.invitation.id],
      );
      await db.query('COMMIT');
    });
    const late = await gql(api.graphqlUrl, ACCEPT, {
      input: {
        token: expiring.data?.inviteMember.token,
        name: 'Late',
        password: 'Brand-new-pass-1',
      },
    });
    expect(errorCodes(late)).toEqual(['BAD_USER_INPUT']);
    const revoking = await gql<{ inviteMember: { token: string; invitation: { id: string } } }>(
      api.graphqlUrl,
      INVITE,
      { email: 'gone@example.com', role: 'VIEWER' },
      as('aOWNER', world.tenants.a),
    );
    await gql(
      api.graphqlUrl,
      'mutation($id: ID!) { revokeInvitation(id: $id) }',
      { id: revoking.data?.inviteMember.invitation.id },
      as('aOWNER', world.tenants.a),
    );
    const revoked = await gql(api.graphqlUrl, ACCEPT, {
      input: {
        token: revoking.data?.inviteMember.token,
        name: 'Gone',
        password: 'Brand-new-pass-1',
      },
    });
    expect(errorCodes(revoked)).toEqual(['BAD_USER_INPUT']);
  });

  it('lets only owners manage members, and never removes or demotes the last owner', async () => {
    const { world, api } = suite;
    const tenantA = world.tenants.a;
    const byManager = await gql(
      api.graphqlUrl,
      'mutation($u: ID!) { changeMemberRole(userId: $u, role: OWNER) { role } }',
      { u: world.users.aMANAGER.id },
      as('aMANAGER', tenantA),
    );
    expect(errorCodes(byManager)).toEqual(['FORBIDDEN']);
    const members = await gql<{ members: { totalCount: number } }>(
      api.graphqlUrl,
      MEMBERS,
      {},
      as('aMANAGER', tenantA),
    );
    expect(members.data?.members.totalCount).toBeGreaterThanOrEqual(4);
    const lastOwner = await gql(
      api.graphqlUrl,
      'mutation($u: ID!) { removeMember(userId: $u) }',
      { u: world.users.aOWNER.id },
      as('aOWNER', tenantA),
    );
    expect(errorCodes(lastOwner)).toEqual(['CONFLICT']);
    const demote = await gql(
      api.graphqlUrl,
      'mutation($u: ID!) { changeMemberRole(userId: $u, role: VIEWER) { role } }',
      { u: world.users.aOWNER.id },
      as('aOWNER', tenantA),
    );
    expect(errorCodes(demote)).toEqual(['CONFLICT']);
    // Said as a reason, so the admin explains it in the user's language.
    expect(demote.errors?.[0]?.extensions?.fields).toEqual([
      expect.objectContaining({ field: 'userId', reason: 'LAST_OWNER' }),
    ]);
    const promoted = await gql(
      api.graphqlUrl,
      'mutation($u: ID!) { changeMemberRole(userId: $u, role: OWNER) { role } }',
      { u: world.users.aMANAGER.id },
      as('aOWNER', tenantA),
    );
    expect(promoted.data).toEqual({ changeMemberRole: { role: 'OWNER' } });
    const removed = await gql(
      api.graphqlUrl,
      'mutation($u: ID!) { removeMember(userId: $u) }',
      { u: world.users.aVIEWER.id },
      as('aOWNER', tenantA),
    );
    expect(removed.data).toEqual({ removeMember: world.users.aVIEWER.id });
    // The removed viewer loses access at once, with the same access token.
    expect(
      errorCodes(
        await gql(api.graphqlUrl, '{ brands { totalCount } }', {}, as('aVIEWER', tenantA)),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('issues API keys shown once, usable as their role, recorded when used, and dead once revoked', async () => {
    const { world, api } = suite;
    const owner = as('northAdmin', world.tenants.a2);
    const created = await gql<{
      createApiKey: { secret: string; apiKey: { id: string; prefix: string } };
    }>(
      api.graphqlUrl,
      'mutation { createApiKey(input: { name: "importer", role: VIEWER }) { secret apiKey { id prefix } } }',
      {},
      owner,
    );
    const { secret, apiKey } = created.data?.createApiKey ?? {
      secret: '',
      apiKey: { id: '', prefix: '' },
    };
    expect(secret.startsWith(apiKey.prefix)).toBe(true);
    const read = await gql<{ brands: { totalCount: number } }>(
      api.graphqlUrl,
      '{ brands { totalCount } }',
      {},
      { token: secret },
    );
    expect(read.data?.brands.totalCount).toBe(1);
    const write = await gql(
      api.graphqlUrl,
      'mutation { createBrand(input: { name: "K", kind: OWN, keywords: ["kk"] }) { id } }',
      {},
      { token: secret },
    );
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    const elsewhere = await gql(
      api.graphqlUrl,
      '{ brands { totalCount } }',
      {},
      { token: secret, tenantId: world.tenants.a },
    );
    expect(errorCodes(elsewhere)).toEqual(['FORBIDDEN']);
    const listed = await gql<{ apiKeys: Array<{ lastUsedAt: string | null }> }>(
      api.graphqlUrl,
      '{ apiKeys { lastUsedAt } }',
      {},
      owner,
    );
    expect(listed.data?.apiKeys[0]?.lastUsedAt).toBeTruthy();
    await gql(
      api.graphqlUrl,
      'mutation($id: ID!) { revokeApiKey(id: $id) { revokedAt } }',
      { id: apiKey.id },
      owner,
    );
    expect(
      errorCodes(await gql(api.graphqlUrl, '{ brands { totalCount } }', {}, { token: secret })),
    ).toEqual(['UNAUTHENTICATED']);
    const forged = `${secret.slice(0, -4)}AAAA`;
    expect(
      errorCodes(await gql(api.graphqlUrl, '{ brands { totalCount } }', {}, { token: forged })),
    ).toEqual(['UNAUTHENTICATED']);
  });

  it('refuses to invite a member of the tenant, so an invitation cannot demote its owner', async () => {
    const { world, api } = suite;
    const invited = await gql(
      api.graphqlUrl,
      INVITE,
      { email: world.users.aOWNER.email.toUpperCase(), role: 'VIEWER' },
      as('aOWNER', world.tenants.a),
    );
    expect(errorCodes(invited)).toEqual(['CONFLICT']);
    expect(invited.errors?.[0]?.extensions?.fields).toEqual([
      {
        field: 'input.email',
        message: expect.stringContaining('already a member'),
        reason: 'ALREADY_EXISTS',
      },
    ]);
    const members = await gql<{
      members: { edges: Array<{ node: { role: string; user: { email: string } } }> };
    }>(api.graphqlUrl, MEMBERS, {}, as('aOWNER', world.tenants.a));
    expect(members.data?.members.edges.map((e) => e.node)).toContainEqual({
      id: expect.any(String),
      role: 'OWNER',
      user: { email: world.users.aOWNER.email },
    });
  });

  it('lets an existing user accept only while signed in as the invited account, never by password', async () => {
    const { world, api } = suite;
    const invitee = world.users.nobody;
    const invited = await gql<{ inviteMember: { token: string } }>(
      api.graphqlUrl,
      INVITE,
      { email: invitee.email, role: 'MANAGER' },
      as('aOWNER', world.tenants.a),
    );
    const token = invited.data?.inviteMember.token;
    // A password is no way in: not a wrong one, many times, nor the right one.
    for (const password of ['Guess-1', 'Guess-2', 'Guess-3', PASSWORD]) {
      const guessed = await gql(api.graphqlUrl, ACCEPT, { input: { token, password } });
      expect(errorCodes(guessed)).toEqual(['UNAUTHENTICATED']);
      expect(guessed.data).toBeNull();
    }
    const asSomeoneElse = await gql(api.graphqlUrl, ACCEPT, { input: { token } }, as('aVIEWER'));
    expect(errorCodes(asSomeoneElse)).toEqual(['UNAUTHENTICATED']);

    const own = await signIn(api.graphqlUrl, invitee.email, PASSWORD);
    const accepted = await gql<{ acceptInvitation: { accessToken: string } }>(
      api.graphqlUrl,
      ACCEPT,
      { input: { token, name: null, password: null } },
      { token: own.accessToken },
    );
    expect(accepted.errors).toBeUndefined();
    const me = await gql<{ me: { tenants: Array<{ role: string; tenant: { id: string } }> } }>(
      api.graphqlUrl,
      '{ me { tenants { role tenant { id } } } }',
      {},
      { token: accepted.data?.acceptInvitation.accessToken },
    );
    expect(me.data?.me.tenants).toContainEqual({
      role: 'MANAGER',
      tenant: { id: world.tenants.a },
    });
  });

  it('never lowers a role when an older invitation is accepted after a newer one', async () => {
    const { world, api } = suite;
    const email = 'twice.invited@example.com';
    const invite = async (role: string) =>
      (
        await gql<{ inviteMember: { token: string } }>(
          api.graphqlUrl,
          INVITE,
          { email, role },
          as('aOWNER', world.tenants.a),
        )
      ).data?.inviteMember.token;
    const asViewer = await invite('VIEWER');
    const asOwner = await invite('OWNER');
    const joined = await gql<{ acceptInvitation: { accessToken: string } }>(
      api.graphqlUrl,
      ACCEPT,
      {
        input: { token: asOwner, name: 'Twice Invited', password: 'Brand-new-pass-2' },
      },
    );
    const accessToken = joined.data?.acceptInvitation.accessToken;
    const late = await gql(
      api.graphqlUrl,
      ACCEPT,
      { input: { token: asViewer } },
      { token: accessToken },
    );
    expect(late.errors).toBeUndefined();
    const me = await gql<{ me: { tenants: Array<{ role: string; tenant: { id: string } }> } }>(
      api.graphqlUrl,
      '{ me { tenants { role tenant { id } } } }',
      {},
      { token: accessToken },
    );
    expect(me.data?.me.tenants).toEqual([{ role: 'OWNER', tenant: { id: world.tenants.a } }]);
  });
});
