import { newId } from '@socialcrm/api/new-id';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  asOwner,
  customerMemorySnapshot,
  holdingCounts,
  insertCompany,
  insertContact,
} from '../support/contact-graphs.js';
import { runtimeUrl, withClient } from '../support/databases.js';
import { type Caller, errorCodes, gql, signIn } from '../support/graphql-client.js';
import { useSuite } from '../support/suite.js';
import { PASSWORD, type World } from '../support/world.js';

const PLAN = `survivorId mergedIds identityIds companyLinksDropped timelineEntries orders engagementEvents
  noteVersions mentionsAuthored companyLinks { companyId role fromContactId }
  result { displayName firstName lastName emails phones language country city tags ownerId lifecycleStage
    emailConsent { granted at source } socialConsent { granted at source } customFields { key value } externalId }`;
const PREVIEW = `query ($id: ID!, $merged: [ID!]!) { contactMergePreview(survivorId: $id, mergedIds: $merged) { ${PLAN} } }`;
const MERGE = `mutation ($id: ID!, $merged: [ID!]!) { mergeContacts(survivorId: $id, mergedIds: $merged) {
  merge { id survivorId mergedIds mergedById plan { ${PLAN} } }
  contact { id emails lifecycleStage identities { id } companies { company { id } role } } } }`;

interface Plan {
  survivorId: string;
  mergedIds: string[];
  identityIds: string[];
  timelineEntries: number;
  orders: number;
  engagementEvents: number;
  noteVersions: number;
  mentionsAuthored: number;
  result: { emails: string[]; tags: string[]; lifecycleStage: string; city: string | null };
  companyLinks: Array<{ companyId: string; role: string | null }>;
  companyLinksDropped: number;
}
interface MergeAnswer {
  merge: { id: string; survivorId: string; mergedIds: string[]; mergedById: string; plan: Plan };
  contact: {
    id: string;
    emails: string[];
    lifecycleStage: string;
    identities: Array<{ id: string }>;
    companies: Array<{ company: { id: string }; role: string | null }>;
  };
}

describe('contact merge', () => {
  // No upkeep during these tests: it would move contacts with orders to customer (lifecycle)
  // between the snapshots they compare.
  const suite = useSuite({ CUSTOMER_UPKEEP_SECONDS: '0' });
  const callers = new Map<string, Caller>();
  const as = (name: keyof World['users']) => callers.get(name) as Caller;
  const tenant = () => suite.world.tenants.a;
  const owner = <T>(work: Parameters<typeof asOwner<T>>[2]) =>
    asOwner(suite.databaseUrl, [tenant()], work);
  const preview = (survivorId: string, merged: string[], caller = as('aAGENT')) =>
    gql<{ contactMergePreview: Plan }>(
      suite.api.graphqlUrl,
      PREVIEW,
      { id: survivorId, merged },
      caller,
    );
  const merge = (survivorId: string, merged: string[], caller = as('aAGENT')) =>
    gql<{ mergeContacts: MergeAnswer }>(
      suite.api.graphqlUrl,
      MERGE,
      { id: survivorId, merged },
      caller,
    );

  beforeAll(async () => {
    const { api, world } = suite;
    for (const user of ['aVIEWER', 'aAGENT', 'aMANAGER'] as const) {
      const { accessToken } = await signIn(api.graphqlUrl, world.users[user].email, PASSWORD);
      callers.set(user, { token: accessToken, tenantId: world.tenants.a });
    }
  });

  it('merges as its preview said: fields combined, everything moved, merged contacts gone', async () => {
    const { survivor, merged, acme, globex } = await owner(async (db) => {
      const acme = await insertCompany(db, tenant(), 'Acme');
      const globex = await insertCompany(db, tenant(), 'Globex');
      const survivor = await insertContact(
        db,
        tenant(),
        {
          displayName: 'Ana García',
          emails: ['ana@acme.es'],
          tags: ['vip'],
          lifecycleStage: 'lead',
        },
        {
          identities: [{ channel: 'X', handle: 'ana_x' }],
          companies: [{ companyId: acme, role: 'CEO' }],
        },
      );
      const merged = await insertContact(
        db,
        tenant(),
        {
          displayName: 'Ana G.',
          emails: ['ana@gmail.com', 'ana@acme.es'],
          tags: ['new'],
          city: 'Madrid',
          lifecycleStage: 'customer',
        },
        {
          identities: [{ channel: 'INSTAGRAM', handle: 'ana_ig' }],
          notes: [{ versions: 2 }],
          orders: 2,
          engagementEvents: 1,
          companies: [
            { companyId: acme, role: 'buyer' },
            { companyId: globex, role: 'advisor' },
          ],
        },
      );
      await db.query(
        `INSERT INTO mention (tenant_id, id, channel, external_id, body, author_identity_id, language,
                              sentiment_score, sentiment_label, published_at)
         SELECT tenant_id, $3::uuid, 'INSTAGRAM', $3::text, 'Me encanta', id, 'es', 0.5, 'POSITIVE', now()
           FROM social_identity WHERE tenant_id = $1 AND contact_id = $2`,
        [tenant(), merged, newId()],
      );
      return { survivor, merged, acme, globex };
    });
    const dryRun = await preview(survivor, [merged]);
    expect(dryRun.errors).toBeUndefined();
    const plan = dryRun.data?.contactMergePreview as Plan;
    expect(plan).toMatchObject({
      survivorId: survivor,
      mergedIds: [merged],
      timelineEntries: 1,
      noteVersions: 2,
      mentionsAuthored: 1,
      orders: 2,
      engagementEvents: 1,
      companyLinks: [{ companyId: globex, role: 'advisor' }],
      companyLinksDropped: 1,
      result: {
        emails: ['ana@acme.es', 'ana@gmail.com'],
        tags: ['vip', 'new'],
        city: 'Madrid',
        lifecycleStage: 'customer',
      },
    });
    expect(plan.identityIds).toHaveLength(1);

    const done = await merge(survivor, [merged]);
    expect(done.errors).toBeUndefined();
    const answer = done.data?.mergeContacts as MergeAnswer;
    expect(answer.merge.plan).toEqual(plan);
    expect(answer.contact.emails).toEqual(['ana@acme.es', 'ana@gmail.com']);
    expect(answer.contact.identities).toHaveLength(2);
    expect(answer.contact.companies.map(({ company, role }) => [company.id, role]).sort()).toEqual(
      [
        [acme, 'CEO'],
        [globex, 'advisor'],
      ].sort(),
    );
    await owner(async (db) => {
      const { rows: gone } = await db.query('SELECT id FROM contact WHERE id = $1', [merged]);
      expect(gone).toEqual([]);
      const { rows: timeline } = await db.query(
        'SELECT kind, cause, actor_id, subject_id FROM timeline_event WHERE contact_id = $1 ORDER BY kind',
        [survivor],
      );
      expect(timeline).toEqual([
        {
          kind: 'MERGE',
          cause: 'USER',
          actor_id: suite.world.users.aAGENT.id,
          subject_id: answer.merge.id,
        },
        { kind: 'NOTE', cause: 'SYSTEM', actor_id: null, subject_id: null },
      ]);
    });
    const log = await gql<{ contactMerges: { edges: Array<{ node: { id: string } }> } }>(
      suite.api.graphqlUrl,
      '{ contactMerges(first: 5) { edges { node { id survivorId mergedIds mergedById } } } }',
      {},
      as('aVIEWER'),
    );
    expect(log.data?.contactMerges.edges.map((edge) => edge.node)).toContainEqual({
      id: answer.merge.id,
      survivorId: survivor,
      mergedIds: [merged],
      mergedById: suite.world.users.aAGENT.id,
    });
  });

  it('carries earlier merges along when their survivor is merged, and takes a merged external id', async () => {
    const [first, second, third] = (await owner(async (db) => [
      await insertContact(db, tenant(), { displayName: 'Chain A' }),
      await insertContact(db, tenant(), { displayName: 'Chain B' }),
      await insertContact(db, tenant(), { displayName: 'Chain C', externalId: `crm-${newId()}` }),
    ])) as [string, string, string];
    const earlier = await merge(second, [third]);
    const later = await merge(first, [second]);
    expect(later.errors).toBeUndefined();
    await owner(async (db) => {
      const { rows } = await db.query(
        `SELECT survivor_id AS "survivorId", plan->>'survivorId' AS "plannedSurvivor" FROM contact_merge
          WHERE id = ANY ($1::uuid[]) ORDER BY id`,
        [[earlier.data?.mergeContacts.merge.id, later.data?.mergeContacts.merge.id]],
      );
      expect(rows).toEqual([
        { survivorId: first, plannedSurvivor: second },
        { survivorId: first, plannedSurvivor: first },
      ]);
      const { rows: contact } = await db.query('SELECT external_id FROM contact WHERE id = $1', [
        first,
      ]);
      expect(contact[0].external_id).toMatch(/^crm-/);
    });
    // Deleting (or erasing) the contact, as the api's role, takes its merges' personal data along.
    await withClient(runtimeUrl(suite.databaseUrl), async (db) => {
      await db.query('BEGIN');
      await db.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenant()}}`]);
      await db.query('DELETE FROM contact WHERE id = $1', [first]);
      const { rows } = await db.query('SELECT id FROM contact_merge WHERE survivor_id = $1', [
        first,
      ]);
      expect(rows).toEqual([]);
      await db.query('COMMIT');
    });
  });

  it('refuses bad input naming the argument, and contacts that are not in the tenant', async () => {
    const [one, two] = await owner(async (db) => [
      await insertContact(db, tenant(), { displayName: 'One' }),
      await insertContact(db, tenant(), { displayName: 'Two' }),
    ]);
    const fieldOf = (response: Awaited<ReturnType<typeof preview>>) =>
      (response.errors?.[0]?.extensions?.fields as Array<{ field: string }> | undefined)?.[0]
        ?.field;
    const self = await preview(one as string, [one as string]);
    expect(errorCodes(self)).toEqual(['BAD_USER_INPUT']);
    expect(fieldOf(self)).toBe('mergedIds');
    expect(fieldOf(await preview(one as string, [two as string, two as string]))).toBe('mergedIds');
    expect(fieldOf(await preview(one as string, []))).toBe('mergedIds');
    expect(fieldOf(await preview('nope', [two as string]))).toBe('survivorId');
    const theirs = await asOwner(suite.databaseUrl, [suite.world.tenants.b], (db) =>
      insertContact(db, suite.world.tenants.b, { displayName: 'Theirs' }),
    );
    expect(errorCodes(await merge(one as string, [theirs]))).toEqual(['NOT_FOUND']);
    expect(errorCodes(await preview(theirs, [one as string]))).toEqual(['NOT_FOUND']);
  });

  it('lets a viewer preview but not merge, and writes nothing for it', async () => {
    const [one, two] = await owner(async (db) => [
      await insertContact(db, tenant(), { displayName: 'View One' }),
      await insertContact(db, tenant(), { displayName: 'View Two' }, { orders: 1 }),
    ]);
    const before = await owner((db) => customerMemorySnapshot(db, tenant()));
    expect((await preview(one as string, [two as string], as('aVIEWER'))).errors).toBeUndefined();
    expect(errorCodes(await merge(one as string, [two as string], as('aVIEWER')))).toEqual([
      'FORBIDDEN',
    ]);
    expect(await owner((db) => customerMemorySnapshot(db, tenant()))).toEqual(before);
  });

  it('leaves everything as it was when the merge fails midway', async () => {
    const [survivor, doomed] = await owner(async (db) => [
      await insertContact(db, tenant(), { displayName: 'Keeper', emails: ['k@x.es'] }),
      await insertContact(
        db,
        tenant(),
        { displayName: 'FAIL-ON-DELETE', emails: ['f@x.es'] },
        {
          identities: [{ channel: 'X', handle: `doomed_${Date.now()}` }],
          notes: [{ versions: 1 }],
          orders: 1,
          engagementEvents: 1,
        },
      ),
    ]);
    const before = await owner((db) => customerMemorySnapshot(db, tenant()));
    // The contacts' rows are deleted after everything has moved: the failure comes midway.
    await owner((db) =>
      db.query(`
        CREATE FUNCTION fail_on_marked_delete() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
          IF OLD.display_name = 'FAIL-ON-DELETE' THEN RAISE EXCEPTION 'failing on purpose'; END IF;
          RETURN OLD;
        END $f$;
        CREATE TRIGGER fail_on_marked_delete BEFORE DELETE ON contact
          FOR EACH ROW EXECUTE FUNCTION fail_on_marked_delete();`),
    );
    try {
      const failed = await merge(survivor as string, [doomed as string]);
      expect(errorCodes(failed)).toEqual(['INTERNAL_SERVER_ERROR']);
      expect(JSON.stringify(failed.errors)).not.toContain('failing on purpose');
    } finally {
      await owner((db) =>
        db.query(
          'DROP TRIGGER fail_on_marked_delete ON contact; DROP FUNCTION fail_on_marked_delete()',
        ),
      );
    }
    expect(await owner((db) => customerMemorySnapshot(db, tenant()))).toEqual(before);
    // The trigger was the only obstacle: without it the same merge goes through.
    expect((await merge(survivor as string, [doomed as string])).errors).toBeUndefined();
  });

  it('lets one of two concurrent merges of the same contacts win; the other is a clear conflict', async () => {
    const ids = await owner(async (db) => [
      await insertContact(
        db,
        tenant(),
        { displayName: 'Race A' },
        { orders: 1, notes: [{ versions: 0 }] },
      ),
      await insertContact(db, tenant(), { displayName: 'Race B' }, { engagementEvents: 2 }),
      await insertContact(db, tenant(), { displayName: 'Race C' }, { orders: 2 }),
    ]);
    const [a, b, c] = ids as [string, string, string];
    const before = await owner((db) => holdingCounts(db, tenant()));
    const outcomes = await Promise.all([merge(a, [b, c]), merge(c, [a, b], as('aMANAGER'))]);
    const won = outcomes.filter((outcome) => !outcome.errors);
    const lost = outcomes.filter((outcome) => outcome.errors);
    expect(won).toHaveLength(1);
    expect(lost.map(errorCodes)).toEqual([['CONFLICT']]);
    expect(lost[0]?.errors?.[0]?.message).toMatch(/was merged into contact/);
    const winner = won[0]?.data?.mergeContacts.merge.survivorId as string;
    await owner(async (db) => {
      expect(await holdingCounts(db, tenant())).toEqual({
        ...before,
        timelineEntries: before.timelineEntries + 1,
      });
      const { rows } = await db.query(
        `SELECT (SELECT count(*)::int FROM customer_order WHERE contact_id = $1) AS orders,
                (SELECT count(*)::int FROM engagement_event WHERE contact_id = $1) AS events,
                (SELECT count(*)::int FROM contact WHERE id = ANY ($2::uuid[])) AS contacts`,
        [winner, ids],
      );
      expect(rows[0]).toEqual({ orders: 3, events: 2, contacts: 1 });
    });
  });

  it('on random contact graphs loses nothing and equals its dry run', async () => {
    const contactShape = fc.record({
      emails: fc.subarray(['a@x.es', 'b@x.es', 'c@x.es', 'd@x.es']),
      tags: fc.subarray(['vip', 'new', 'b2b']),
      stage: fc.constantFrom('subscriber', 'lead', 'customer', 'advocate'),
      identities: fc.subarray(['X', 'INSTAGRAM', 'FACEBOOK', 'EMAIL']),
      notes: fc.array(fc.nat(2), { maxLength: 3 }),
      orders: fc.nat(2),
      engagementEvents: fc.nat(2),
      companies: fc.subarray([0, 1, 2]),
      role: fc.constantFrom(null, 'buyer', 'CEO'),
    });
    const companies = await owner(async (db) => [
      await insertCompany(db, tenant(), 'One'),
      await insertCompany(db, tenant(), 'Two'),
      await insertCompany(db, tenant(), 'Three'),
    ]);
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(contactShape, { minLength: 2, maxLength: 5 }), async (shapes) => {
        run += 1;
        const ids = await owner(async (db) => {
          const made: string[] = [];
          for (const [i, shape] of shapes.entries())
            made.push(
              await insertContact(
                db,
                tenant(),
                {
                  displayName: `Random ${run}.${i}`,
                  emails: shape.emails,
                  tags: shape.tags,
                  lifecycleStage: shape.stage,
                },
                {
                  identities: shape.identities.map((channel) => ({
                    channel,
                    handle: `h${run}_${i}`,
                  })),
                  notes: shape.notes.map((versions) => ({ versions })),
                  orders: shape.orders,
                  engagementEvents: shape.engagementEvents,
                  companies: shape.companies.map((n) => ({
                    companyId: companies[n] as string,
                    role: shape.role,
                  })),
                },
              ),
            );
          return made;
        });
        const [survivor, ...merged] = ids as [string, ...string[]];
        const before = await owner((db) => holdingCounts(db, tenant()));
        const dryRun = (await preview(survivor, merged)).data?.contactMergePreview;
        const done = await merge(survivor, merged);
        expect(done.errors).toBeUndefined();
        expect(done.data?.mergeContacts.merge.plan).toEqual(dryRun);
        const expectedIdentities = shapes.reduce((n, shape) => n + shape.identities.length, 0);
        const expectedEntries = shapes.reduce((n, shape) => n + shape.notes.length, 0) + 1;
        await owner(async (db) => {
          expect(await holdingCounts(db, tenant())).toEqual({
            ...before,
            timelineEntries: before.timelineEntries + 1,
          });
          const { rows } = await db.query(
            `SELECT (SELECT count(*)::int FROM social_identity WHERE contact_id = $1) AS identities,
                    (SELECT count(*)::int FROM timeline_event WHERE contact_id = $1) AS entries,
                    (SELECT count(*)::int FROM customer_order WHERE contact_id = $1) AS orders,
                    (SELECT count(*)::int FROM engagement_event WHERE contact_id = $1) AS events,
                    (SELECT count(DISTINCT company_id)::int FROM contact_company WHERE contact_id = $1) AS companies,
                    (SELECT count(*)::int FROM contact WHERE id = ANY ($2::uuid[])) AS left,
                    (SELECT emails FROM contact WHERE id = $1) AS emails`,
            [survivor, merged],
          );
          expect(rows[0]).toEqual({
            identities: expectedIdentities,
            entries: expectedEntries,
            orders: shapes.reduce((n, shape) => n + shape.orders, 0),
            events: shapes.reduce((n, shape) => n + shape.engagementEvents, 0),
            companies: new Set(shapes.flatMap((shape) => shape.companies)).size,
            left: 0,
            emails: [...new Set(shapes.flatMap((shape) => shape.emails))],
          });
        });
      }),
      { seed: 1313, numRuns: 30 },
    );
  }, 120_000);
});
