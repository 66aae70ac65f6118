import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { DataExportService } from './data-export.service.js';
import { DataExportConnection, DataExportType, StartDataExportInput } from './data-export.type.js';

/** CSV exports: started and followed here, downloaded from `GET /api/exports/:id/file`. */
@Resolver(() => DataExportType)
export class DataExportResolver {
  constructor(private readonly exports: DataExportService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => DataExportType, {
    description: 'An export and its live progress (poll it while it runs).',
  })
  dataExport(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.exports.get(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => DataExportConnection, { description: 'The exports of the tenant, newest first.' })
  dataExports(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from pageInfo.endCursor.',
    })
    after?: string | null,
  ) {
    return this.exports.list(operation, first, after);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => DataExportType, {
    description:
      'Exports the rows a list shows (contacts: the same search and filter as `contacts`) to a CSV file, as a background job: follow it with dataExport, then download it from its downloadPath.',
  })
  startDataExport(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => StartDataExportInput) input: StartDataExportInput,
  ) {
    return this.exports.start(operation, input);
  }
}
