import { beforeAll, describe, expect, it } from 'vitest';
import { asOwner, insertCompany, insertContact } from '../support/contact-graphs.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const DUPLICATES = `query ($first: Int!, $after: String) { duplicateContacts(first: $first, after: $after) {
  totalCount pageInfo { hasNextPage endCursor }
  edges { node { id reasons score contacts { id displayName } } } } }`;
const DISMISS = 'mutation ($ids: [ID!]!) { dismissDuplicate(contactIds: $ids) }';

interface Suggestion {
  id: string;
  reasons: string[];
  score: number;
  contacts: Array<{ id: string; displayName: string }>;
}
interface SuggestionPage {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Array<{ node: Suggestion }>;
}

describe('duplicate contacts', () => {
  const suite = useSuite();
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users']) => callers.get(name) as Caller;
  const ids: Record<string, string> = {};
  const pair = (x: string, y: string) => [ids[x] as string, ids[y] as string].sort().join(':');

  const everySuggestion = async (caller = as('aVIEWER')) => {
    const found: Suggestion[] = [];
    let after: string | null = null;
    let totalCount = 0;
    do {
      const response: { data?: { duplicateContacts: SuggestionPage } | null } = await gql<{
        duplicateContacts: SuggestionPage;
      }>(suite.api.graphqlUrl, DUPLICATES, { first: 2, after }, caller);
      const page = response.data?.duplicateContacts as SuggestionPage;
      found.push(...page.edges.map((edge) => edge.node));
      totalCount = page.totalCount;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(found).toHaveLength(totalCount);
    return new Map(found.map((suggestion) => [suggestion.id, suggestion]));
  };

  beforeAll(async () => {
    const { api, world, databaseUrl } = suite;
    for (const user of ['aVIEWER', 'aAGENT'] as const) {
      const { accessToken } = await signIn(api.graphqlUrl, world.users[user].email, PASSWORD);
      callers.set(user, { token: accessToken, tenantId: world.tenants.a });
    }
    const a = world.tenants.a;
    await asOwner(databaseUrl, [a], async (db) => {
      const acme = await insertCompany(db, a, 'Acme');
      const globex = await insertCompany(db, a, 'Globex');
      const at = (companyId: string) => ({ companies: [{ companyId, role: null }] });
      ids.email1 = await insertContact(db, a, { displayName: 'E One', emails: ['same@mail.es'] });
      ids.email2 = await insertContact(db, a, {
        displayName: 'E Two',
        emails: ['x@y.es', 'same@mail.es'],
      });
      ids.phone1 = await insertContact(db, a, { displayName: 'P One', phones: ['+34600000001'] });
      ids.phone2 = await insertContact(db, a, { displayName: 'P Two', phones: ['+34600000001'] });
      ids.both1 = await insertContact(db, a, {
        displayName: 'B One',
        emails: ['both@mail.es'],
        phones: ['+34600000009'],
      });
      ids.both2 = await insertContact(db, a, {
        displayName: 'B Two',
        emails: ['both@mail.es'],
        phones: ['+34600000009'],
      });
      ids.identity1 = await insertContact(
        db,
        a,
        { displayName: 'I One' },
        {
          identities: [{ channel: 'EMAIL', handle: 'known@mail.es' }],
        },
      );
      ids.identity2 = await insertContact(db, a, {
        displayName: 'I Two',
        emails: ['known@mail.es'],
      });
      ids.profile1 = await insertContact(
        db,
        a,
        { displayName: 'U One' },
        {
          identities: [{ channel: 'X', handle: 'uone', profileUrl: 'https://example.com/Ursula' }],
        },
      );
      ids.profile2 = await insertContact(
        db,
        a,
        { displayName: 'U Two' },
        {
          identities: [
            { channel: 'WEB', handle: 'ursula', profileUrl: 'https://example.com/ursula' },
          ],
        },
      );
      // The same handle on two networks is not enough.
      ids.handle1 = await insertContact(
        db,
        a,
        { displayName: 'H One' },
        {
          identities: [{ channel: 'X', handle: 'samehandle' }],
        },
      );
      ids.handle2 = await insertContact(
        db,
        a,
        { displayName: 'H Two' },
        {
          identities: [{ channel: 'INSTAGRAM', handle: 'samehandle' }],
        },
      );
      ids.jon = await insertContact(
        db,
        a,
        { displayName: 'Jon', firstName: 'Jon', lastName: 'Smith' },
        at(acme),
      );
      ids.john = await insertContact(db, a, { displayName: 'John Smith' }, at(acme));
      ids.jane = await insertContact(db, a, { displayName: 'Jane Smith' }, at(acme));
      ids.johnElsewhere = await insertContact(db, a, { displayName: 'John Smith' }, at(globex));
      ids.garcia1 = await insertContact(db, a, { displayName: 'Ana García' }, at(globex));
      ids.garcia2 = await insertContact(db, a, { displayName: 'ANA GARCIA' }, at(globex));
    });
    // Tenant B's contact shares an email with tenant A's: never a suggestion across tenants.
    await asOwner(databaseUrl, [world.tenants.b], async (db) => {
      ids.theirs = await insertContact(db, world.tenants.b, {
        displayName: 'Theirs',
        emails: ['same@mail.es'],
      });
    });
  });

  it('finds each reason, and only those pairs, the most likely first', async () => {
    const found = await everySuggestion();
    const reasonsOf = (x: string, y: string) => found.get(pair(x, y))?.reasons;
    expect(reasonsOf('email1', 'email2')).toEqual(['SAME_EMAIL']);
    expect(reasonsOf('phone1', 'phone2')).toEqual(['SAME_PHONE']);
    expect(reasonsOf('both1', 'both2')).toEqual(['SAME_EMAIL', 'SAME_PHONE']);
    expect(reasonsOf('identity1', 'identity2')).toEqual(['SAME_IDENTITY']);
    expect(reasonsOf('profile1', 'profile2')).toEqual(['SAME_IDENTITY']);
    expect(reasonsOf('jon', 'john')).toEqual(['SIMILAR_NAME_SAME_COMPANY']);
    expect(reasonsOf('garcia1', 'garcia2')).toEqual(['SIMILAR_NAME_SAME_COMPANY']);
    expect(found.size).toBe(7);
    const scores = [...found.values()].map((suggestion) => suggestion.score);
    expect(scores).toEqual([...scores].sort((x, y) => y - x));
    expect(found.get(pair('both1', 'both2'))?.score).toBeCloseTo(0.98, 4);
    expect(found.get(pair('email1', 'email2'))?.score).toBeCloseTo(0.9, 4);
    expect(found.get(pair('garcia1', 'garcia2'))?.score).toBeCloseTo(0.75, 4);
    expect(
      found
        .get(pair('jon', 'john'))
        ?.contacts.map((contact) => contact.id)
        .sort(),
    ).toEqual([ids.jon, ids.john].sort());
  });

  it('compares names by the documented measure and threshold (pg_trgm similarity ≥ 0.6)', async () => {
    const examples: Array<[string, string, boolean]> = [
      ['Ana García', 'ana garcia', true],
      ['Alexander Ivanov', 'Alexandr Ivanov', true],
      ['Jon Smith', 'John Smith', true],
      ['Alex Ivanov', 'Alexander Ivanov', true],
      ['Артём Иванов', 'Артем Иванов', true],
      ['Jon Smith', 'Jane Smith', false],
      ['Pedro Ruiz', 'Pablo Ruiz', false],
      ['Ana García', 'Ana Gómez', false],
    ];
    const similar = await asOwner(suite.databaseUrl, [], async (db) => {
      const answers: boolean[] = [];
      for (const [x, y] of examples) {
        const { rows } = await db.query(
          `SELECT similarity(app.person_name_key(NULL, NULL, $1), app.person_name_key(NULL, NULL, $2)) >= 0.6 AS similar`,
          [x, y],
        );
        answers.push(rows[0].similar);
      }
      return answers;
    });
    expect(similar).toEqual(examples.map(([, , expected]) => expected));
  });

  it('does not suggest a dismissed pair again', async () => {
    const dismissed = await gql(
      suite.api.graphqlUrl,
      DISMISS,
      { ids: [ids.email1, ids.email2] },
      as('aAGENT'),
    );
    expect(dismissed.data).toEqual({ dismissDuplicate: true });
    const again = await gql(
      suite.api.graphqlUrl,
      DISMISS,
      { ids: [ids.email2, ids.email1] },
      as('aAGENT'),
    );
    expect(again.data).toEqual({ dismissDuplicate: true });
    const found = await everySuggestion();
    expect(found.has(pair('email1', 'email2'))).toBe(false);
    expect(found.size).toBe(6);
  });

  it('lets a viewer read suggestions but not dismiss them, and refuses other tenants’ contacts', async () => {
    const before = await everySuggestion();
    const viewer = await gql(
      suite.api.graphqlUrl,
      DISMISS,
      { ids: [ids.phone1, ids.phone2] },
      as('aVIEWER'),
    );
    expect(errorCodes(viewer)).toEqual(['FORBIDDEN']);
    const foreign = await gql(
      suite.api.graphqlUrl,
      DISMISS,
      { ids: [ids.phone1, ids.theirs] },
      as('aAGENT'),
    );
    expect(errorCodes(foreign)).toEqual(['NOT_FOUND']);
    const single = await gql(suite.api.graphqlUrl, DISMISS, { ids: [ids.phone1] }, as('aAGENT'));
    expect(errorCodes(single)).toEqual(['BAD_USER_INPUT']);
    expect([...(await everySuggestion()).keys()]).toEqual([...before.keys()]);
  });
});
