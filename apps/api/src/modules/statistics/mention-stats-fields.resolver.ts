import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { MAX_BREAKDOWN_ENTRIES, MentionBreakdownService } from './mention-breakdowns.service.js';
import { MentionBreakdown, MentionStats, TermCount } from './mention-stats.type.js';
import { TOP_TERMS, TopTermsService } from './top-terms.service.js';

/**
 * The fields of `MentionStats` computed only when a client asks for them (the live spike
 * alerts read `mentionStats` too, and need none of them); they measure the same mentions, in
 * the same operation, as the query that made the stats.
 */
@Resolver(() => MentionStats)
export class MentionStatsFieldsResolver {
  constructor(
    private readonly breakdowns: MentionBreakdownService,
    private readonly terms: TopTermsService,
  ) {}

  @FieldResolver(() => [MentionBreakdown], {
    description: `Mentions by channel, most first (at most ${MAX_BREAKDOWN_ENTRIES}).`,
  })
  byChannel(@Root() stats: MentionStats, @Ctx() { operation }: GraphQLContext) {
    return this.breakdowns.byChannel(operation, stats.selection);
  }

  @FieldResolver(() => [MentionBreakdown], {
    description: `Mentions by detected language (es, en, pt, ru, und), most first (at most ${MAX_BREAKDOWN_ENTRIES}).`,
  })
  byLanguage(@Root() stats: MentionStats, @Ctx() { operation }: GraphQLContext) {
    return this.breakdowns.byLanguage(operation, stats.selection);
  }

  @FieldResolver(() => [MentionBreakdown], {
    description: `Mentions by tracked brand, most first (at most ${MAX_BREAKDOWN_ENTRIES}); a mention about several brands counts for each, so the counts may add up to more than \`mentions\`.`,
  })
  byBrand(@Root() stats: MentionStats, @Ctx() { operation }: GraphQLContext) {
    return this.breakdowns.byBrand(operation, stats.selection);
  }

  @FieldResolver(() => [TermCount], {
    description: `The ${TOP_TERMS} hashtags found in most mentions, most first, lower-cased.`,
  })
  topHashtags(@Root() stats: MentionStats, @Ctx() { operation }: GraphQLContext) {
    return this.terms.hashtags(operation, stats.selection);
  }

  @FieldResolver(() => [TermCount], {
    description: `The ${TOP_TERMS} words found in most mentions, most first: lower-cased, without hashtags, handles, links, numbers, single letters and the stopwords of Spanish, English, Portuguese and Russian.`,
  })
  topTerms(@Root() stats: MentionStats, @Ctx() { operation }: GraphQLContext) {
    return this.terms.terms(operation, stats.selection);
  }
}
