import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What ingesting one mention did. */
export enum IngestOutcome {
  STORED = 'STORED',
  UPDATED = 'UPDATED',
  UNCHANGED = 'UNCHANGED',
  REJECTED = 'REJECTED',
}

registerEnumType(IngestOutcome, {
  name: 'IngestOutcome',
  description:
    'STORED: new. UPDATED: an edit of a known post. UNCHANGED: a re-delivery. REJECTED: invalid, see `problems`.',
});

@ObjectType()
export class IngestProblem {
  @Field(() => String)
  field: string;

  @Field(() => String)
  message: string;
}

@ObjectType({ description: 'What happened to one submitted mention, in submission order.' })
export class IngestResult {
  @Field(() => Int)
  index: number;

  @Field(() => String, { nullable: true })
  externalId: string | null;

  @Field(() => IngestOutcome)
  outcome: IngestOutcome;

  @Field(() => ID, { nullable: true })
  mentionId: string | null;

  @Field(() => Boolean, {
    description: 'False when no tracked brand matched: kept, counted, not shown in the feed.',
  })
  matched: boolean;

  @Field(() => [IngestProblem])
  problems: IngestProblem[];
}
