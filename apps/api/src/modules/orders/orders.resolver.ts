import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import type { ImportTarget } from '../../platform/import/import-target.js';
import {
  EngagementEventConnection,
  EngagementEventFilter,
  EngagementEventInput,
  EngagementEventType,
} from './engagement.type.js';
import { EngagementQueryService } from './engagement-query.service.js';
import { OrderConnection, OrderFilter, OrderInput, OrderType } from './order.type.js';
import { OrderQueryService } from './order-query.service.js';

/** The writers both mutations go through: the same path as NDJSON and CSV imports. */
export interface RecordWriters {
  readonly orders: ImportTarget;
  readonly engagement: ImportTarget;
}

/** Orders and email engagement events: read by every member, recorded by agents. */
@Resolver()
export class OrdersResolver {
  constructor(
    private readonly writers: RecordWriters,
    private readonly orderQueries: OrderQueryService,
    private readonly engagementQueries: EngagementQueryService,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => OrderConnection, { description: "The tenant's orders, newest placed first." })
  orders(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => OrderFilter, { nullable: true }) filter: OrderFilter | null,
  ) {
    return this.orderQueries.page(operation, first, after, filter);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => OrderType, { description: 'One order with its lines.' })
  order(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.orderQueries.get(operation, id);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => OrderType, {
    description:
      "Records an order; idempotent on externalId (a known one changes nothing and answers the stored order). An order in another currency than the reporting one needs the rate of its UTC day, else it is refused on `currency`. Appends an ORDER entry to the contact's timeline.",
  })
  async recordOrder(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => OrderInput) input: OrderInput,
  ) {
    const id = await recordOne(this.writers.orders, operation, input);
    return this.orderQueries.get(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => EngagementEventConnection, {
    description: "The tenant's email engagement events, latest first.",
  })
  engagementEvents(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Arg('after', () => String, { nullable: true }) after: string | null,
    @Arg('filter', () => EngagementEventFilter, { nullable: true })
    filter: EngagementEventFilter | null,
  ) {
    return this.engagementQueries.page(operation, first, after, filter);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => EngagementEventType, {
    description:
      "Records an email event; idempotent on externalId. Appends an EMAIL_* entry to the contact's timeline; UNSUBSCRIBED also withdraws the contact's email consent.",
  })
  async recordEngagementEvent(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => EngagementEventInput) input: EngagementEventInput,
  ) {
    const id = await recordOne(this.writers.engagement, operation, input);
    return this.engagementQueries.get(operation, id);
  }
}

/** One record through its bulk writer; its problems become a bad input naming `input.<field>`. */
async function recordOne(target: ImportTarget, op: Operation, input: object): Promise<string> {
  const [outcome] = await target.writeBatch(op, [{ ...input }], { dryRun: false, cause: 'USER' });
  if (!outcome?.ok)
    throw badUserInput(
      (outcome?.problems ?? []).map((problem) => ({ ...problem, field: `input.${problem.field}` })),
    );
  return outcome.id;
}
