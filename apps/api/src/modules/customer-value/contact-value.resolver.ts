import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactType } from '../contacts/index.js';
import { ContactValueType } from './customer-value.type.js';

const NO_VALUE: ContactValueType = {
  probabilityAlive: null,
  expectedPurchases90: null,
  expectedPurchases365: null,
  expectedOrderValue: null,
  clv: null,
};

/** `Contact.value`: asked for a whole list, read in one statement. */
@Resolver(() => ContactType)
export class ContactValueResolver {
  private readonly loaders = new WeakMap<Operation, DataLoader<string, ContactValueType>>();

  @FieldResolver(() => ContactValueType, {
    description:
      'Probability alive, expected purchases and CLV under the latest customer value fit.',
  })
  value(@Root() contact: ContactType, @Ctx() { operation }: GraphQLContext) {
    let loader = this.loaders.get(operation);
    if (!loader) {
      loader = new DataLoader((ids) => this.load(operation, ids));
      this.loaders.set(operation, loader);
    }
    return loader.load(contact.id);
  }

  private async load(op: Operation, contactIds: readonly string[]): Promise<ContactValueType[]> {
    const rows: Array<ContactValueType & { contactId: string }> = await (await op.manager()).query(
      `SELECT contact_id AS "contactId", probability_alive AS "probabilityAlive",
              expected_purchases_90 AS "expectedPurchases90", expected_purchases_365 AS "expectedPurchases365",
              expected_order_value::text AS "expectedOrderValue", clv::text AS clv
       FROM contact_metrics WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])`,
      [await op.tenantId(), contactIds],
    );
    const byContact = new Map(rows.map(({ contactId, ...value }) => [contactId, value]));
    return contactIds.map((id) => byContact.get(id) ?? NO_VALUE);
  }
}
