import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { TimelineActorType, TimelineEventType } from './timeline.type.js';

/** The users behind a page of entries, read in one statement (a loader per operation). */
class TimelineActors {
  private readonly loaders = new WeakMap<Operation, DataLoader<string, TimelineActorType | null>>();

  of(op: Operation, userId: string): Promise<TimelineActorType | null> {
    let loader = this.loaders.get(op);
    if (!loader) {
      loader = new DataLoader((ids) => this.load(op, ids));
      this.loaders.set(op, loader);
    }
    return loader.load(userId);
  }

  private async load(
    op: Operation,
    ids: readonly string[],
  ): Promise<Array<TimelineActorType | null>> {
    const manager = await op.manager();
    const rows: TimelineActorType[] = await manager.query(
      'SELECT id, email, name FROM app_user WHERE id = ANY ($1::uuid[])',
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  }
}

/** `TimelineEvent.actor`: asked for a whole page, read at once. */
@Resolver(() => TimelineEventType)
export class TimelineActorResolver {
  private readonly actors = new TimelineActors();

  @FieldResolver(() => TimelineActorType, {
    nullable: true,
    description: 'The user who acted (see actorId); null when none or since deleted.',
  })
  actor(@Root() event: TimelineEventType, @Ctx() { operation }: GraphQLContext) {
    return event.actorId ? this.actors.of(operation, event.actorId) : null;
  }
}
