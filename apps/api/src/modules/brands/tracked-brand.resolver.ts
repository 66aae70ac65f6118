import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { CreateBrandInput, UpdateBrandInput } from './inputs/brand.input.js';
import { BrandSortInput } from './inputs/brand-list.input.js';
import { TrackedBrandService } from './tracked-brand.service.js';
import { TrackedBrandConnection, TrackedBrandType } from './tracked-brand.type.js';

@Resolver(() => TrackedBrandType)
export class TrackedBrandResolver {
  constructor(private readonly brandService: TrackedBrandService) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => TrackedBrandConnection, {
    description:
      'Tracked brands of the active tenant with their mention counts, newest first unless sorted.',
  })
  brands(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, description: 'Page size, 1 to 100.' })
    first: number,
    @Arg('after', () => String, {
      nullable: true,
      description: 'The endCursor of the previous page, listed with the same sort.',
    })
    after: string | null,
    @Arg('search', () => String, {
      nullable: true,
      description: 'Only brands whose name contains this, case-insensitively.',
    })
    search: string | null,
    @Arg('sort', () => BrandSortInput, { nullable: true, description: 'Newest first if absent.' })
    sort: BrandSortInput | null,
  ) {
    return this.brandService.list(operation, first, after, search, sort);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => TrackedBrandType, { description: 'One tracked brand of the active tenant.' })
  brand(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.brandService.get(operation, id);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => TrackedBrandType)
  createBrand(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => CreateBrandInput) input: CreateBrandInput,
  ) {
    return this.brandService.create(operation, input);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => TrackedBrandType)
  updateBrand(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateBrandInput) input: UpdateBrandInput,
  ) {
    return this.brandService.update(operation, id, input);
  }

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => ID, { description: 'Deletes a tracked brand; returns its id.' })
  deleteBrand(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.brandService.delete(operation, id);
  }
}
