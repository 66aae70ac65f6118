import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactType } from '../contacts/index.js';

/** A contact's purchases, summed. */
interface Spend {
  readonly orderCount: number;
  readonly totalSpent: string;
}

const NO_SPEND: Spend = { orderCount: 0, totalSpent: '0.0000' };

/**
 * Each contact's orders, counted and summed for every contact an operation lists in one
 * statement (a loader per operation, gone with it).
 */
class ContactSpend {
  private readonly loaders = new WeakMap<Operation, DataLoader<string, Spend>>();

  of(op: Operation, contactId: string): Promise<Spend> {
    let loader = this.loaders.get(op);
    if (!loader) {
      loader = new DataLoader((ids) => this.load(op, ids));
      this.loaders.set(op, loader);
    }
    return loader.load(contactId);
  }

  private async load(op: Operation, contactIds: readonly string[]): Promise<Spend[]> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<Spend & { contactId: string }> = await manager.query(
      `SELECT contact_id AS "contactId", count(*)::int AS "orderCount", sum(reporting_amount)::text AS "totalSpent"
       FROM customer_order WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])
       GROUP BY contact_id`,
      [tenantId, contactIds],
    );
    const byContact = new Map(rows.map(({ contactId, ...spend }) => [contactId, spend]));
    return contactIds.map((id) => byContact.get(id) ?? NO_SPEND);
  }
}

/** What a contact bought, on `Contact`: asked for a whole list, read in one statement. */
@Resolver(() => ContactType)
export class ContactSpendResolver {
  private readonly spend = new ContactSpend();

  @FieldResolver(() => Int, { description: 'How many orders the contact placed.' })
  async orderCount(@Root() contact: ContactType, @Ctx() { operation }: GraphQLContext) {
    return (await this.spend.of(operation, contact.id)).orderCount;
  }

  @FieldResolver(() => String, {
    description:
      "The sum of the contact's orders in the tenant's reporting currency, exact decimal text.",
  })
  async totalSpent(@Root() contact: ContactType, @Ctx() { operation }: GraphQLContext) {
    return (await this.spend.of(operation, contact.id)).totalSpent;
  }
}
