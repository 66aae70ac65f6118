import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactType } from '../contacts/index.js';
import { LifecycleStageChangeType } from './lifecycle.type.js';

/** The stage histories of every contact an operation lists, in one statement per list. */
class StageHistories {
  private readonly loaders = new WeakMap<
    Operation,
    DataLoader<string, LifecycleStageChangeType[]>
  >();

  of(op: Operation, contactId: string): Promise<LifecycleStageChangeType[]> {
    let loader = this.loaders.get(op);
    if (!loader) {
      loader = new DataLoader((ids) => this.load(op, ids));
      this.loaders.set(op, loader);
    }
    return loader.load(contactId);
  }

  private async load(op: Operation, contactIds: readonly string[]) {
    const rows: Array<LifecycleStageChangeType & { contactId: string }> = await (
      await op.manager()
    ).query(
      `SELECT contact_id AS "contactId", id, from_stage AS "fromStage", to_stage AS "toStage", cause,
              event, reason, actor_id AS "actorId", changed_at AS "changedAt"
       FROM lifecycle_stage_change WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])
       ORDER BY changed_at DESC, id`,
      [await op.tenantId(), contactIds],
    );
    const byContact = new Map<string, LifecycleStageChangeType[]>();
    for (const { contactId, ...change } of rows) {
      const history = byContact.get(contactId) ?? [];
      history.push(change);
      byContact.set(contactId, history);
    }
    return contactIds.map((id) => byContact.get(id) ?? []);
  }
}

/** `Contact.lifecycleHistory`: asked for a whole list, read in one statement. */
@Resolver(() => ContactType)
export class ContactLifecycleResolver {
  private readonly histories = new StageHistories();

  @FieldResolver(() => [LifecycleStageChangeType], {
    description: 'Every stage the contact entered, newest first, with cause, event and reason.',
  })
  lifecycleHistory(@Root() contact: ContactType, @Ctx() { operation }: GraphQLContext) {
    return this.histories.of(operation, contact.id);
  }
}
