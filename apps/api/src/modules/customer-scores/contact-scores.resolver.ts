import DataLoader from 'dataloader';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Operation } from '../../platform/database/operation-scope.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { ContactType } from '../contacts/index.js';
import { ContactScoresType } from './customer-scores.type.js';

const NO_SCORES: ContactScoresType = {
  rfmRecency: null,
  rfmFrequency: null,
  rfmMonetary: null,
  rfmSegment: null,
  engagementRecency: null,
  engagementFrequency: null,
  engagementMonetary: null,
  engagementSegment: null,
  channels: [],
  followers: null,
  sentiment: null,
  lastInteractionAt: null,
  rfmScoredAt: null,
};

/** The scores of every contact an operation lists, in one statement per list. */
class ContactScores {
  private readonly loaders = new WeakMap<Operation, DataLoader<string, ContactScoresType>>();

  of(op: Operation, contactId: string): Promise<ContactScoresType> {
    let loader = this.loaders.get(op);
    if (!loader) {
      loader = new DataLoader((ids) => this.load(op, ids));
      this.loaders.set(op, loader);
    }
    return loader.load(contactId);
  }

  private async load(op: Operation, contactIds: readonly string[]): Promise<ContactScoresType[]> {
    const rows: Array<ContactScoresType & { contactId: string }> = await (await op.manager()).query(
      `SELECT contact_id AS "contactId", rfm_r AS "rfmRecency", rfm_f AS "rfmFrequency",
              rfm_m AS "rfmMonetary", rfm_segment AS "rfmSegment",
              engagement_rfm_r AS "engagementRecency", engagement_rfm_f AS "engagementFrequency",
              engagement_rfm_m AS "engagementMonetary", engagement_rfm_segment AS "engagementSegment",
              channels, followers::float8 AS followers, sentiment,
              last_interaction_at AS "lastInteractionAt", rfm_scored_at AS "rfmScoredAt"
       FROM contact_metrics WHERE tenant_id = $1 AND contact_id = ANY ($2::uuid[])`,
      [await op.tenantId(), contactIds],
    );
    const byContact = new Map(rows.map(({ contactId, ...scores }) => [contactId, scores]));
    return contactIds.map((id) => byContact.get(id) ?? NO_SCORES);
  }
}

/** `Contact.scores`: asked for a whole list, read in one statement. */
@Resolver(() => ContactType)
export class ContactScoresResolver {
  private readonly loader = new ContactScores();

  @FieldResolver(() => ContactScoresType, {
    description: 'RFM on purchases and on engagement, reach, sentiment and last interaction.',
  })
  scores(@Root() contact: ContactType, @Ctx() { operation }: GraphQLContext) {
    return this.loader.of(operation, contact.id);
  }
}
