import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ConnectorService } from './connector.service.js';
import { ConnectorType, CreatedConnector } from './connector.type.js';
import { CreateConnectorInput, UpdateConnectorInput } from './inputs/connector.input.js';

@Resolver(() => ConnectorType)
export class ConnectorResolver {
  constructor(private readonly connectorService: ConnectorService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => [ConnectorType], {
    description: 'Connectors of the active tenant (at most 200, newest first).',
  })
  connectors(@Ctx() { operation }: GraphQLContext) {
    return this.connectorService.list(operation);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => CreatedConnector)
  createConnector(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CreateConnectorInput) input: CreateConnectorInput,
  ) {
    return this.connectorService.create(operation, input);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => ConnectorType, { description: 'Changes, pauses or resumes a connector.' })
  updateConnector(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateConnectorInput) input: UpdateConnectorInput,
  ) {
    return this.connectorService.update(operation, id, input);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => ID, { description: 'Deletes a connector; returns its id. Its mentions stay.' })
  deleteConnector(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.connectorService.delete(operation, id);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => ConnectorType, {
    description: 'Polls an RSS connector now and returns its status after the poll.',
  })
  pollConnectorNow(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.connectorService.pollNow(operation, id);
  }
}
