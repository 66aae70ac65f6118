import { Field, Float, ID, InputType, Int, ObjectType } from 'type-graphql';

@ObjectType('MaturityLevel', { description: 'A named maturity level (five equal score bands).' })
export class MaturityLevelType {
  @Field(() => Int, { description: '1 (initial) to 5 (optimised).' }) level: number;
  @Field(() => String, {
    description: 'initial, developing, defined, managed or optimised.',
  })
  name: string;
  @Field(() => Float, { description: 'The 0–100 score from which this level starts.' })
  minScore: number;
}

@ObjectType('CrmProcess', { description: 'A CRM process the maturity audit rates.' })
export class CrmProcessType {
  @Field(() => ID, { description: 'Stable id of the process in the catalogue.' }) id: string;
  @Field(() => String, {
    description: 'Operational stage: acquire, transact, fulfil, serve or retain.',
  })
  stage: string;
  @Field(() => String, { description: 'English name of the process.' }) name: string;
}

@InputType('ProcessRatingInput', { description: 'The auditor’s rating of one process.' })
export class ProcessRatingInput {
  @Field(() => ID, { description: 'The process (from maturityProcessCatalogue).' })
  processId: string;
  @Field(() => Int, {
    description:
      '0 absent, 1 ad hoc, 2 defined (documented, owned), 3 systematic (tooled, measured).',
  })
  existence: number;
  @Field(() => Int, {
    nullable: true,
    description: '1 very poorly … 5 very well; required when the process exists, null when absent.',
  })
  effectiveness: number | null;
}

@InputType('RecordMaturityAssessmentInput', { description: 'A completed maturity questionnaire.' })
export class RecordMaturityAssessmentInput {
  @Field(() => [ProcessRatingInput], {
    description: 'Exactly one rating per catalogue process.',
  })
  ratings: ProcessRatingInput[];
  @Field(() => String, { nullable: true, description: 'Free note, at most 2,000 characters.' })
  note?: string | null;
}

@ObjectType('ProcessRating', { description: 'A stored rating of one process.' })
export class ProcessRatingType {
  @Field(() => ID, { description: 'The rated process.' }) processId: string;
  @Field(() => Int, { description: '0 absent … 3 systematic.' }) existence: number;
  @Field(() => Int, { nullable: true, description: '1–5; null when the process is absent.' })
  effectiveness: number | null;
}

@ObjectType('ProcessMaturity', { description: 'One process of the audit matrix with its score.' })
export class ProcessMaturityType {
  @Field(() => CrmProcessType, { description: 'The process.' }) process: CrmProcessType;
  @Field(() => Int, { description: 'Existence rating, 0–3.' }) existence: number;
  @Field(() => Int, { nullable: true, description: 'Effectiveness rating, 1–5 (null if absent).' })
  effectiveness: number | null;
  @Field(() => Float, { description: '100 × existence/3 × effectiveness/5.' }) score: number;
  @Field(() => MaturityLevelType, { description: 'The level of this process’s score.' })
  level: MaturityLevelType;
}

@ObjectType('StageMaturity', { description: 'One operational stage of the audit matrix.' })
export class StageMaturityType {
  @Field(() => String, { description: 'acquire, transact, fulfil, serve or retain.' })
  stage: string;
  @Field(() => Float, {
    nullable: true,
    description: 'Mean score of the stage’s processes; null when it has none.',
  })
  score: number | null;
  @Field(() => MaturityLevelType, { nullable: true, description: 'Level of the stage score.' })
  level: MaturityLevelType | null;
  @Field(() => [ProcessMaturityType], { description: 'The stage’s processes, catalogue order.' })
  processes: ProcessMaturityType[];
}

@ObjectType('CrmMaturityAudit', { description: 'The domain’s CRM maturity audit of the ratings.' })
export class CrmMaturityAuditType {
  @Field(() => [StageMaturityType], { description: 'The matrix: stages with their processes.' })
  stages: StageMaturityType[];
  @Field(() => Float, { description: 'Mean of the stage scores (each stage weighs the same).' })
  overallScore: number;
  @Field(() => MaturityLevelType, { description: 'Level of the overall score.' })
  overallLevel: MaturityLevelType;
  @Field(() => [ProcessMaturityType], {
    description: 'The three lowest-scoring processes, weakest first.',
  })
  weakest: ProcessMaturityType[];
}

@ObjectType('MaturityAssessment', { description: 'One stored CRM maturity assessment.' })
export class MaturityAssessmentType {
  @Field(() => ID) id: string;
  @Field(() => [ProcessRatingType], { description: 'The ratings as entered.' })
  ratings: ProcessRatingType[];
  @Field(() => String, { nullable: true, description: 'The assessor’s note.' }) note: string | null;
  @Field(() => ID, { nullable: true, description: 'The user who assessed (null if removed).' })
  assessedBy: string | null;
  @Field(() => Date, { description: 'When it was recorded.' }) assessedAt: Date;
  @Field(() => CrmMaturityAuditType, { description: 'The audit result of these ratings.' })
  audit: CrmMaturityAuditType;
}
