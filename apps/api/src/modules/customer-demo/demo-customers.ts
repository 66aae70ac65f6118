import { systemContext } from '../../platform/context/request-context.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import type { ImportTarget } from '../../platform/import/import-target.js';
import type { KnownIdentity, MentionOnTimeline, SocialIdentities } from '../contacts/index.js';
import {
  type DemoPopulation,
  type DemoPopulationOptions,
  generateDemoPopulation,
} from './generated-customers.js';

const BATCH = 2_000;
/** Mention authors of each demo tenant who also buy, so their timelines show both worlds. */
const BUYING_AUTHORS = 300;

/** A demo tenant: its id, and the seed that picks its profile and its people. */
export interface DemoCustomerTenant {
  readonly id: string;
  readonly seed: number;
}

type Profile = Omit<DemoPopulationOptions, 'seed' | 'now'>;

// Café Aurora sells coffee to people and catering to offices; Nova Sports sells gear to
// runners and teams. CDNOW's mean purchase (about 35) is scaled to each trade.
const PROFILES: Record<number, Profile> = {
  1: {
    contacts: 2_500,
    companies: 80,
    markets: { es: 0.75, en: 0.15, pt: 0.1 },
    industries: ['Coworking', 'Servicios jurídicos', 'Diseño', 'Hostelería', 'Educación'],
    companyNames: ['{n} Abogados', 'Estudio {n}', 'Hotel {n}', 'Coworking {n}'],
    currency: 'EUR',
    spendScale: 0.5,
  },
  2: {
    contacts: 2_500,
    companies: 80,
    markets: { ru: 0.4, en: 0.3, es: 0.2, pt: 0.1 },
    industries: ['Fitness', 'Sports club', 'Education', 'Retail'],
    companyNames: ['Club {n}', 'Gimnasio {n}', 'Escuela {n}', 'Runners {n}'],
    currency: 'EUR',
    spendScale: 2.5,
  },
};

/** The import targets the demo writes through: the product's own bulk paths. */
export interface DemoTargets {
  readonly contacts: ImportTarget;
  readonly companies: ImportTarget;
  readonly orders: ImportTarget;
  readonly engagement: ImportTarget;
}

/**
 * The demo tenants' customers: a few thousand people with identities and companies, two
 * years of purchases and email engagement, and purchases by some of the demo mentions'
 * authors — written through the same bulk paths as a tenant's imports.
 */
export class DemoCustomers {
  constructor(
    private readonly scopes: OperationScopes,
    private readonly targets: DemoTargets,
    private readonly identities: SocialIdentities,
  ) {}

  async seed(tenants: readonly DemoCustomerTenant[], now = Date.now()): Promise<void> {
    for (const tenant of tenants) {
      const profile = PROFILES[tenant.seed];
      if (!profile) continue;
      // Authors first, so the newest contacts a visitor sees are the customers with details.
      const authorOrders = await this.authorOrders(tenant, now);
      const population = generateDemoPopulation({ ...profile, seed: tenant.seed, now });
      await this.write(tenant.id, this.targets.companies, population.companies);
      await this.write(
        tenant.id,
        this.targets.contacts,
        // Every generated person has bought at least once: a customer.
        population.contacts.map(({ email, phone, identity: _, company: __, ...contact }) => ({
          ...contact,
          emails: [email],
          phones: [phone],
          lifecycleStage: 'customer',
        })),
      );
      await this.in(tenant.id, (op) => linkIdentitiesAndCompanies(op, population));
      await this.write(tenant.id, this.targets.orders, population.orders);
      await this.write(tenant.id, this.targets.engagement, population.engagement);
      await this.write(tenant.id, this.targets.orders, authorOrders);
    }
  }

  /**
   * The tenant's most active mention authors become customers, as a lead would: a contact
   * made from the identity, their earlier mentions on its timeline, and a few in-store
   * purchases.
   */
  private async authorOrders(tenant: DemoCustomerTenant, now: number) {
    const contactIds = await this.in(tenant.id, async (op) => {
      const authors: KnownIdentity[] = await (await op.manager()).query(
        `SELECT i.id, i.contact_id AS "contactId" FROM social_identity i
         JOIN (SELECT author_identity_id AS id, count(*) AS mentions FROM mention
               WHERE tenant_id = $1 AND author_identity_id IS NOT NULL GROUP BY 1) m ON m.id = i.id
         WHERE i.tenant_id = $1 ORDER BY m.mentions DESC, i.id LIMIT $2`,
        [tenant.id, BUYING_AUTHORS],
      );
      const newcomers = authors.filter((author) => !author.contactId).map((author) => author.id);
      await this.identities.makeLeads(op, authors);
      const contactOf = new Map(authors.map((author) => [author.id, author.contactId ?? '']));
      const mentions: Array<MentionOnTimeline & { authorId: string }> = await (
        await op.manager()
      ).query(
        `SELECT id AS "mentionId", author_identity_id AS "authorId", channel, body, published_at AS "occurredAt"
         FROM mention WHERE tenant_id = $1 AND author_identity_id = ANY ($2::uuid[])`,
        [tenant.id, newcomers],
      );
      await this.identities.recordMentions(
        op,
        mentions.map(({ authorId, ...mention }) => ({
          ...mention,
          contactId: contactOf.get(authorId) ?? '',
        })),
      );
      return [...contactOf.values()];
    });
    return contactIds.flatMap((contactId, author) =>
      Array.from({ length: 1 + (author % 3) }, (_, index) => ({
        externalId: `demo-${tenant.seed}-author-order-${author}-${index}`,
        contactId,
        orderedAt: new Date(now - (author * 7 + index * 23 + 1) * 86_400_000).toISOString(),
        amount: (12 + ((author * 37 + index * 11) % 90)).toFixed(2),
        currency: PROFILES[tenant.seed]?.currency ?? 'EUR',
        itemCount: 1 + (index % 2),
      })),
    );
  }

  private async write(
    tenantId: string,
    target: ImportTarget,
    rows: readonly Readonly<Record<string, unknown>>[],
  ): Promise<void> {
    for (let start = 0; start < rows.length; start += BATCH) {
      const outcomes = await this.in(tenantId, (op) =>
        target.writeBatch(op, rows.slice(start, start + BATCH), { dryRun: false, cause: 'IMPORT' }),
      );
      const refused = outcomes.find((outcome) => !outcome.ok);
      if (refused && !refused.ok)
        throw new Error(`demo ${target.entity} refused: ${JSON.stringify(refused.problems)}`);
    }
  }

  private in<T>(tenantId: string, work: (op: Operation) => Promise<T>): Promise<T> {
    return this.scopes.run(systemContext(tenantId), work);
  }
}

/** The generated people's social identities and company roles, in two statements. */
async function linkIdentitiesAndCompanies(op: Operation, population: DemoPopulation) {
  const [manager, tenantId] = [await op.manager(), await op.tenantId()];
  const { contacts } = population;
  await manager.query(
    `INSERT INTO social_identity (tenant_id, id, contact_id, channel, handle, followers, last_seen_at)
     SELECT $1, i.id, c.id, i.channel, i.handle, i.followers, now()
     FROM unnest($2::text[], $3::text[], $4::text[], $5::int[], $6::uuid[]) AS i(external_id, channel, handle, followers, id)
     JOIN contact c ON c.tenant_id = $1 AND c.external_id = i.external_id
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      contacts.map((contact) => contact.externalId),
      contacts.map((contact) => contact.identity.channel),
      contacts.map((contact) => contact.identity.handle.slice(1).toLowerCase()),
      contacts.map((contact) => contact.identity.followers),
      contacts.map(() => newId()),
    ],
  );
  const employed = contacts.filter((contact) => contact.company);
  await manager.query(
    `INSERT INTO contact_company (tenant_id, contact_id, company_id, role)
     SELECT $1, c.id, co.id, l.role
     FROM unnest($2::text[], $3::text[], $4::text[]) AS l(contact_external_id, company_external_id, role)
     JOIN contact c ON c.tenant_id = $1 AND c.external_id = l.contact_external_id
     JOIN company co ON co.tenant_id = $1 AND co.external_id = l.company_external_id
     ON CONFLICT DO NOTHING`,
    [
      tenantId,
      employed.map((contact) => contact.externalId),
      employed.map((contact) => contact.company?.externalId),
      employed.map((contact) => contact.company?.role),
    ],
  );
}
