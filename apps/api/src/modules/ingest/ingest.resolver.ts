import { Arg, Authorized, Ctx, Mutation, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { IngestMentionInput } from './ingest-mention.input.js';
import { IngestResult } from './ingest-result.type.js';
import { MentionIngestionService } from './mention-ingestion.service.js';

@Resolver()
export class IngestResolver {
  constructor(private readonly ingestion: MentionIngestionService) {}

  @Authorized(TenantRole.AGENT)
  @Mutation(() => [IngestResult], {
    description:
      'Ingests up to 1,000 posts; idempotent on (channel, externalId). One result per post, in order.',
  })
  ingestMentions(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => [IngestMentionInput]) input: IngestMentionInput[],
  ) {
    return this.ingestion.ingest(operation, input);
  }
}
