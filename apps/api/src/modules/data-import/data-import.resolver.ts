import {
  Arg,
  Authorized,
  Ctx,
  FieldResolver,
  ID,
  Int,
  Mutation,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { DataImportService } from './data-import.service.js';
import {
  DataImportConnection,
  DataImportErrorConnection,
  DataImportType,
  ImportEntityKind,
  ImportFieldType,
  ImportMappingType,
  StartDataImportInput,
} from './data-import.type.js';

/** CSV imports: upload through `POST /api/imports`, then map, dry-run, run and follow here. */
@Resolver(() => DataImportType)
export class DataImportResolver {
  constructor(private readonly imports: DataImportService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => DataImportType, {
    description:
      'An uploaded file and its import: detection, mapping, state and live progress (poll it while it runs).',
  })
  dataImport(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.imports.get(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => DataImportConnection, { description: 'The imports of the tenant, newest first.' })
  dataImports(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 20, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from pageInfo.endCursor.',
    })
    after?: string | null,
  ) {
    return this.imports.list(operation, first, after);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [ImportMappingType], {
    description:
      'The column mappings the tenant saved for an entity (startDataImport saveMappingAs), by name.',
  })
  importMappings(
    @Ctx() { operation }: GraphQLContext,
    @Arg('entity', () => ImportEntityKind) entity: ImportEntityKind,
  ) {
    return this.imports.mappings(operation, entity);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => DataImportType, {
    description:
      'Runs an uploaded file with a mapping (or dry-runs it: every row checked, nothing written). A file runs for real once; a dry run may be repeated first. The run is a background job: follow it with dataImport.',
  })
  startDataImport(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => StartDataImportInput) input: StartDataImportInput,
  ) {
    return this.imports.start(operation, id, input);
  }

  @FieldResolver(() => DataImportErrorConnection, {
    description:
      'Why rows were not imported, in file order (also as CSV: GET /api/imports/:id/errors.csv).',
  })
  errors(
    @Ctx() { operation }: GraphQLContext,
    @Root() dataImport: DataImportType,
    @Arg('first', () => Int, { defaultValue: 50, description: 'At most 100.' }) first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'A cursor from pageInfo.endCursor.',
    })
    after?: string | null,
  ) {
    return this.imports.errors(operation, dataImport.id, first, after);
  }

  @FieldResolver(() => [ImportFieldType], {
    description: 'The fields a column of this file can be mapped to (custom fields included).',
  })
  fields(@Ctx() { operation }: GraphQLContext, @Root() dataImport: DataImportType) {
    return this.imports.fields(operation, dataImport.entity);
  }
}
