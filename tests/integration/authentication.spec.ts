import { createClient } from 'graphql-ws';
import { SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { TEST_TOKEN_SECRET } from '../support/api-process.js';
import { withClient } from '../support/databases.js';
import { errorCodes, gql, SIGN_IN, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD } from '../support/world.js';

const ME = '{ me { user { email } } }';
const REFRESH =
  'mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }';
const BRANDS = '{ brands { totalCount } }';

async function timeSignIn(url: string, email: string, password: string): Promise<number> {
  const started = performance.now();
  await gql(url, SIGN_IN, { email, password });
  return performance.now() - started;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;

function wsQuery(url: string, connectionParams: Record<string, unknown>, query: string) {
  const client = createClient({
    url: url.replace('http', 'ws'),
    webSocketImpl: WebSocket,
    connectionParams,
    retryAttempts: 0,
    lazy: true,
  });
  return new Promise<{ data?: unknown; error?: unknown }>((resolve) => {
    let data: unknown;
    client.subscribe(
      { query },
      {
        next: (result) => {
          data = result;
        },
        error: (error) => {
          resolve({ error });
          void client.dispose();
        },
        complete: () => {
          resolve({ data });
          void client.dispose();
        },
      },
    );
  });
}

describe('authentication', () => {
  const suite = useSuite({
    REFRESH_REUSE_GRACE_SECONDS: '2',
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '5',
  });
  let graphqlUrl: string;
  beforeAll(() => {
    graphqlUrl = suite.api.graphqlUrl;
  });

  it('answers a wrong password and an unknown user with the same words in similar time', async () => {
    const known = suite.world.users.aAGENT.email;
    const wrong = await gql(graphqlUrl, SIGN_IN, { email: known, password: 'Wrong-password-1' });
    const unknown = await gql(graphqlUrl, SIGN_IN, {
      email: 'ghost@example.com',
      password: 'Wrong-password-1',
    });
    expect(errorCodes(wrong)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors?.[0]?.message).toBe(wrong.errors?.[0]?.message);
    // Pairs measured back to back, so a burst of load on this shared machine skews one pair, not
    // the median. Two accounts share the wrong tries, each staying under its throttle.
    const accounts = [suite.world.users.aMANAGER.email, suite.world.users.northAdmin.email];
    const ratios: number[] = [];
    for (let i = 0; i < 8; i++) {
      const password = `Wrong-password-${i}`;
      const wrongTime = await timeSignIn(graphqlUrl, accounts[i % 2] ?? known, password);
      const unknownTime = await timeSignIn(graphqlUrl, `ghost${i}@example.com`, password);
      ratios.push(unknownTime / wrongTime);
    }
    const ratio = median(ratios);
    expect(ratio).toBeGreaterThan(0.5);
    expect(ratio).toBeLessThan(2);
  });

  it('throttles attempts per account, and an alias list cannot multiply attempts', async () => {
    const email = suite.world.users.nobody.email;
    // Mutations run one after another and stop at the first failure: six aliases make one attempt.
    const aliases = Array.from(
      { length: 6 },
      (_, i) =>
        `a${i}: signIn(input: { email: "${email}", password: "Wrong-${i}" }) { accessToken }`,
    );
    expect(errorCodes(await gql(graphqlUrl, `mutation { ${aliases.join(' ')} }`))).toEqual([
      'UNAUTHENTICATED',
    ]);
    const codes: unknown[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      codes.push(
        ...errorCodes(await gql(graphqlUrl, SIGN_IN, { email, password: `Wrong-${attempt}` })),
      );
    }
    // The limit is 5 per account: 1 aliased + 4 single attempts fail normally, the next is throttled.
    expect(codes).toEqual([
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'UNAUTHENTICATED',
      'RATE_LIMITED',
    ]);
    const right = await gql(graphqlUrl, SIGN_IN, { email, password: PASSWORD });
    expect(errorCodes(right)).toEqual(['RATE_LIMITED']);
    expect(right.errors?.[0]?.extensions?.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('refuses expired, tampered and foreign-algorithm access tokens', async () => {
    const session = await signIn(graphqlUrl, suite.world.users.aVIEWER.email, PASSWORD);
    const key = new TextEncoder().encode(TEST_TOKEN_SECRET);
    const [, payload] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    const expired = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('socialcrm-api')
      .setAudience('socialcrm')
      .setIssuedAt(Math.floor(Date.now() / 1000) - 3600)
      .setExpirationTime(Math.floor(Date.now() / 1000) - 60)
      .sign(key);
    // Change the signature's first character: the last one carries padding bits and can change
    // without changing the decoded signature.
    const [header, body, signature = ''] = session.accessToken.split('.');
    const tampered = `${header}.${body}.${signature.startsWith('A') ? 'B' : 'A'}${signature.slice(1)}`;
    const otherAudience = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('socialcrm-api')
      .setAudience('someone-else')
      .setExpirationTime('5m')
      .sign(key);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${payload}.`;
    for (const token of [expired, tampered, otherAudience, unsigned]) {
      const response = await gql(graphqlUrl, ME, {}, { token });
      expect(errorCodes(response)).toEqual(['UNAUTHENTICATED']);
      expect(response.status).toBe(401);
    }
    expect((await gql(graphqlUrl, ME, {}, { token: session.accessToken })).data).toBeTruthy();
  });

  it('revokes the access token and the refresh token on sign-out', async () => {
    const session = await signIn(graphqlUrl, suite.world.users.aVIEWER.email, PASSWORD);
    const out = await gql(
      graphqlUrl,
      'mutation($t: String) { signOut(refreshToken: $t) }',
      { t: session.refreshToken },
      { token: session.accessToken },
    );
    expect(out.data).toEqual({ signOut: true });
    expect(errorCodes(await gql(graphqlUrl, ME, {}, { token: session.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await gql(graphqlUrl, REFRESH, { t: session.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('rotates refresh tokens and revokes the whole family when a rotated one is reused', async () => {
    const first = await signIn(graphqlUrl, suite.world.users.aAGENT.email, PASSWORD);
    const rotated = await gql<{ refreshSession: { accessToken: string; refreshToken: string } }>(
      graphqlUrl,
      REFRESH,
      { t: first.refreshToken },
    );
    const second = rotated.data?.refreshSession;
    expect(second?.refreshToken).toBeTruthy();
    expect(second?.refreshToken).not.toBe(first.refreshToken);
    // Past the 2 s grace of this suite: the rotation is moved a minute back, not waited for.
    await withClient(suite.databaseUrl, (db) =>
      db.query(
        `UPDATE refresh_token SET rotated_at = rotated_at - interval '1 minute' WHERE rotated_at IS NOT NULL`,
      ),
    );
    const reuse = await gql(graphqlUrl, REFRESH, { t: first.refreshToken });
    expect(errorCodes(reuse)).toEqual(['UNAUTHENTICATED']);
    // The thief's reuse ended the family: the legitimate newest tokens stop working too.
    expect(errorCodes(await gql(graphqlUrl, REFRESH, { t: second?.refreshToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
    expect(errorCodes(await gql(graphqlUrl, ME, {}, { token: second?.accessToken }))).toEqual([
      'UNAUTHENTICATED',
    ]);
  });

  it('lets two tabs refresh with the same token inside the grace window', async () => {
    const session = await signIn(graphqlUrl, suite.world.users.aAGENT.email, PASSWORD);
    const [one, two] = await Promise.all([
      gql(graphqlUrl, REFRESH, { t: session.refreshToken }),
      gql(graphqlUrl, REFRESH, { t: session.refreshToken }),
    ]);
    expect(one.errors).toBeUndefined();
    expect(two.errors).toBeUndefined();
  });

  it("refuses a viewer's mutation and allows the viewer to read", async () => {
    const viewer = await signIn(graphqlUrl, suite.world.users.aVIEWER.email, PASSWORD);
    const caller = { token: viewer.accessToken, tenantId: suite.world.tenants.a };
    const write = await gql(
      graphqlUrl,
      'mutation { createBrand(input: { name: "V", kind: OWN, keywords: ["vv"] }) { id } }',
      {},
      caller,
    );
    expect(errorCodes(write)).toEqual(['FORBIDDEN']);
    const read = await gql<{ brands: { totalCount: number } }>(graphqlUrl, BRANDS, {}, caller);
    expect(read.data?.brands.totalCount).toBe(1);
  });

  it('lets an agency member reach every tenant of the agency and none other', async () => {
    const member = await signIn(graphqlUrl, suite.world.users.northMember.email, PASSWORD);
    const { tenants } = suite.world;
    for (const tenantId of [tenants.a, tenants.a2]) {
      const response = await gql<{ brands: { totalCount: number } }>(
        graphqlUrl,
        BRANDS,
        {},
        { token: member.accessToken, tenantId },
      );
      expect(response.data?.brands.totalCount).toBe(1);
    }
    expect(
      errorCodes(
        await gql(graphqlUrl, BRANDS, {}, { token: member.accessToken, tenantId: tenants.b }),
      ),
    ).toEqual(['FORBIDDEN']);
  });

  it('requires a sign-in for tenant data', async () => {
    expect(
      errorCodes(await gql(graphqlUrl, BRANDS, {}, { tenantId: suite.world.tenants.a })),
    ).toEqual(['UNAUTHENTICATED']);
  });

  it('applies the same depth, alias and token limits over WebSocket as over HTTP', async () => {
    const session = await signIn(graphqlUrl, suite.world.users.aOWNER.email, PASSWORD);
    const params = {
      authorization: `Bearer ${session.accessToken}`,
      tenantId: suite.world.tenants.a,
    };
    const refused = async (query: string) => {
      const outcome = await wsQuery(suite.api.graphqlUrl, params, query);
      return JSON.stringify(outcome.error ?? outcome.data);
    };
    expect(
      await refused('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }'),
    ).toMatch(/depth/i);
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: brands { totalCount }`).join(' ');
    expect(await refused(`{ ${aliases} }`)).toMatch(/alias/i);
    expect(
      await refused(`{ ${Array.from({ length: 1100 }, () => '__typename').join(' ')} }`),
    ).toMatch(/token/i);
  });

  it('closes a WebSocket when its access token expires, so nothing runs on it afterwards', async () => {
    const session = await signIn(graphqlUrl, suite.world.users.aOWNER.email, PASSWORD);
    const [, payload] = session.accessToken.split('.');
    const claims = JSON.parse(Buffer.from(payload ?? '', 'base64url').toString());
    // A token of the same session that expires in two seconds: no waiting out a real TTL.
    const shortLived = await new SignJWT({ sid: claims.sid })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject(claims.sub)
      .setIssuer('socialcrm-api')
      .setAudience('socialcrm')
      .setIssuedAt()
      .setExpirationTime(Math.floor(Date.now() / 1000) + 2)
      .sign(new TextEncoder().encode(TEST_TOKEN_SECRET));
    let closed: (event: { code: number }) => void = () => {};
    const closing = new Promise<{ code: number }>((resolve) => {
      closed = resolve;
    });
    const client = createClient({
      url: graphqlUrl.replace('http', 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${shortLived}`, tenantId: suite.world.tenants.a },
      retryAttempts: 0,
      lazy: false, // stays open between operations, as the admin's socket does
      onNonLazyError: () => {}, // the close is what this test waits for
      on: { closed: (event) => closed(event as { code: number }) },
    });
    const first = await new Promise<unknown>((resolve, reject) => {
      client.subscribe({ query: BRANDS }, { next: resolve, error: reject, complete: () => {} });
    });
    expect(first).toEqual({ data: { brands: { totalCount: 1 } } });
    expect((await closing).code).toBe(4401);
    await client.dispose();
  });

  it('closes WebSocket connections without a valid token and serves those with one', async () => {
    const url = suite.api.graphqlUrl;
    const anonymous = await wsQuery(url, {}, ME);
    expect(anonymous.error).toBeTruthy();
    const forged = await wsQuery(url, { authorization: 'Bearer not-a-token' }, ME);
    expect(forged.error).toBeTruthy();
    const session = await signIn(graphqlUrl, suite.world.users.aOWNER.email, PASSWORD);
    const ok = await wsQuery(
      url,
      { authorization: `Bearer ${session.accessToken}`, tenantId: suite.world.tenants.a },
      BRANDS,
    );
    expect(ok.data).toEqual({ data: { brands: { totalCount: 1 } } });
    const crossTenant = await wsQuery(
      url,
      { authorization: `Bearer ${session.accessToken}`, tenantId: suite.world.tenants.b },
      BRANDS,
    );
    expect(
      (crossTenant.data as { errors?: Array<{ extensions?: { code?: string } }> }).errors?.[0]
        ?.extensions?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('sign-in throttling per address', () => {
  const suite = useSuite({ LOGIN_MAX_ATTEMPTS_PER_ADDRESS: '20' });

  it('throttles attempts per address across accounts', async () => {
    const codes = new Set<unknown>();
    for (let attempt = 0; attempt < 30 && !codes.has('RATE_LIMITED'); attempt++) {
      const response = await gql(suite.api.graphqlUrl, SIGN_IN, {
        email: `spray${attempt}@example.com`,
        password: 'Wrong-1234',
      });
      for (const code of errorCodes(response)) codes.add(code);
    }
    expect([...codes]).toEqual(['UNAUTHENTICATED', 'RATE_LIMITED']);
  });
});

describe('sign-in throttling that nobody can turn against an owner', () => {
  const suite = useSuite({
    TRUST_PROXY: 'true',
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT: '3',
    LOGIN_MAX_ATTEMPTS_PER_ACCOUNT_EVERYWHERE: '6',
  });
  const signInFrom = (address: string, email: string, password: string) =>
    gql(suite.api.graphqlUrl, SIGN_IN, { email, password }, { forwardedFor: address });

  it('slows guesses from many addresses yet lets the owner in from an address she used', async () => {
    const owner = suite.world.users.aOWNER.email;
    expect(errorCodes(await signInFrom('203.0.113.10', owner, PASSWORD))).toEqual([]);
    const codes: unknown[] = [];
    for (const address of ['198.51.100.1', '198.51.100.2', '198.51.100.3']) {
      for (let guess = 0; guess < 3; guess++) {
        codes.push(...errorCodes(await signInFrom(address, owner, `Wrong-guess-${guess}`)));
      }
    }
    // Three per address, six on the account everywhere (her first sign-in among them, made
    // before her address was known): the guesses past the fifth are refused.
    expect(codes.slice(0, 5)).toEqual(Array(5).fill('UNAUTHENTICATED'));
    expect(codes.slice(5)).toEqual(Array(4).fill('RATE_LIMITED'));
    expect(errorCodes(await signInFrom('198.51.100.9', owner, PASSWORD))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await signInFrom('203.0.113.10', owner, PASSWORD))).toEqual([]);
  });
});
