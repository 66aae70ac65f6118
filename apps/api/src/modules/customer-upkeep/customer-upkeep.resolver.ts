import { Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';

@Resolver()
export class CustomerUpkeepResolver {
  @Authorized(TenantRole.VIEWER)
  @Query(() => Int, {
    description:
      'Contacts whose changed data (orders, events, edits, mentions) the background upkeep has not yet carried into their scores, stage and segments; 0 when everything is current.',
  })
  async pendingContactUpdates(@Ctx() { operation }: GraphQLContext): Promise<number> {
    const [row] = await (await operation.manager()).query(
      'SELECT count(*)::int AS pending FROM contact_change WHERE tenant_id = $1',
      [await operation.tenantId()],
    );
    return row.pending;
  }
}
