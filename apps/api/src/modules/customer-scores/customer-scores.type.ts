import { Field, Float, Int, ObjectType } from 'type-graphql';
import { RfmBasis } from './rfm-basis.js';

@ObjectType('RfmCell', {
  description: 'One cell of the RFM grid: the contacts with this recency and frequency score.',
})
export class RfmCellType {
  @Field(() => Int, { description: 'Recency score, 1 (longest ago) to 5 (most recent).' })
  recency!: number;

  @Field(() => Int, { description: 'Frequency score, 1 (fewest) to 5 (most).' })
  frequency!: number;

  @Field(() => Int, { description: 'How many contacts have these scores.' })
  contacts!: number;

  @Field(() => String, {
    description: "What they bought in all, in the tenant's reporting currency, exact decimal text.",
  })
  revenue!: string;
}

@ObjectType('RfmGrid', {
  description:
    'The recency × frequency heat map of the tenant’s scored contacts (all 25 cells, empty ones with 0).',
})
export class RfmGridType {
  @Field(() => RfmBasis)
  basis!: RfmBasis;

  @Field(() => [RfmCellType])
  cells!: RfmCellType[];

  @Field(() => Int, { description: 'Contacts with scores on this basis.' })
  scoredContacts!: number;

  @Field(() => Date, {
    nullable: true,
    description: 'When the tenant’s scores were last computed (null: never).',
  })
  scoredAt!: Date | null;
}

@ObjectType('ParetoPoint', { description: 'A point of the revenue concentration (Lorenz) curve.' })
export class ParetoPointType {
  @Field(() => Float, {
    description: 'The top customers by revenue, as a share of all customers (0–1).',
  })
  customerShare!: number;

  @Field(() => Float, { description: 'The share of revenue they hold (0–1).' })
  revenueShare!: number;
}

@ObjectType('RevenuePareto', {
  description:
    'How concentrated revenue is among customers (contacts with orders; a net-negative customer counts as 0): the curve in 5 % steps and the smallest top group holding 80 % of revenue.',
})
export class RevenueParetoType {
  @Field(() => Int)
  customers!: number;

  @Field(() => String, { description: 'Total revenue counted, reporting currency, decimal text.' })
  totalRevenue!: string;

  @Field(() => [ParetoPointType])
  points!: ParetoPointType[];

  @Field(() => Int, { description: 'How many top customers hold at least 80 % of revenue.' })
  eightyPercentCustomers!: number;

  @Field(() => Float, { description: 'That group as a share of all customers (0–1).' })
  eightyPercentCustomerShare!: number;
}

@ObjectType('RfmRecomputation', { description: 'What a full RFM recomputation scored.' })
export class RfmRecomputationType {
  @Field(() => Int, { description: 'Contacts scored on purchases.' })
  purchasesScored!: number;

  @Field(() => Int, { description: 'Contacts scored on engagement.' })
  engagementScored!: number;

  @Field(() => Date)
  scoredAt!: Date;
}

@ObjectType('ContactScores', {
  description:
    'What is derived about a contact from its records, kept current in the background (see pendingContactUpdates). RFM scores run 1 (worst) to 5 (best); null when the contact has no activity of that kind.',
})
export class ContactScoresType {
  @Field(() => Int, { nullable: true }) rfmRecency!: number | null;
  @Field(() => Int, { nullable: true }) rfmFrequency!: number | null;
  @Field(() => Int, { nullable: true }) rfmMonetary!: number | null;
  @Field(() => String, {
    nullable: true,
    description: 'The named RFM segment on purchases (champions, at_risk…).',
  })
  rfmSegment!: string | null;
  @Field(() => Int, { nullable: true }) engagementRecency!: number | null;
  @Field(() => Int, { nullable: true }) engagementFrequency!: number | null;
  @Field(() => Int, { nullable: true }) engagementMonetary!: number | null;
  @Field(() => String, { nullable: true, description: 'The named RFM segment on engagement.' })
  engagementSegment!: string | null;
  @Field(() => [String], { description: 'Channels the contact has identities on, lower-case.' })
  channels!: string[];
  @Field(() => Float, { nullable: true, description: 'Sum of its identities’ followers.' })
  followers!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean sentiment score of its mentions (−1 to 1).',
  })
  sentiment!: number | null;
  @Field(() => Date, {
    nullable: true,
    description:
      'Its latest interaction on the timeline (stage, segment, merge and edit entries do not count).',
  })
  lastInteractionAt!: Date | null;
  @Field(() => Date, {
    nullable: true,
    description: 'When its RFM scores last changed (recomputations that move nothing leave it).',
  })
  rfmScoredAt!: Date | null;
}
