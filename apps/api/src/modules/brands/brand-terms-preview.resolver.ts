import { Arg, Authorized, Ctx, Int, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { BrandTermsPreviewService, PREVIEW_WINDOW } from './brand-terms-preview.service.js';
import { BrandTermsPreviewType } from './brand-terms-preview.type.js';
import { BrandTermsInput } from './inputs/brand-terms.input.js';

/** Trying a brand's terms before saving them: for those who edit brands. */
@Resolver()
export class BrandTermsPreviewResolver {
  constructor(private readonly previews: BrandTermsPreviewService) {}

  @Authorized(TenantRole.MANAGER)
  @Query(() => BrandTermsPreviewType, {
    description: `Which of the tenant's latest ${PREVIEW_WINDOW} received mentions (matched to a brand or not) draft terms would match.`,
  })
  brandTermsPreview(
    @Ctx() { operation }: GraphQLContext,
    @Arg('terms', () => BrandTermsInput, { description: 'The draft, as the brand form holds it.' })
    terms: BrandTermsInput,
    @Arg('first', () => Int, {
      defaultValue: 20,
      description: 'How many matching mentions to return, 1 to 100.',
    })
    first: number,
  ) {
    return this.previews.preview(operation, terms, first);
  }
}
