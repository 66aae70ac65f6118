import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

/** What moved a contact to a stage (the history's `cause`). */
export enum LifecycleCause {
  EVENT = 'EVENT',
  AGENT = 'AGENT',
  IMPORT = 'IMPORT',
  MERGE = 'MERGE',
  SYSTEM = 'SYSTEM',
}
registerEnumType(LifecycleCause, {
  name: 'LifecycleCause',
  description:
    'What moved a contact: EVENT (something it did or stopped doing: a purchase, a referral, inactivity, new activity), AGENT (a person, with a reason), IMPORT (a CSV or NDJSON import), MERGE (contacts merged), SYSTEM (the server otherwise: creation, the start of the history).',
});

@ObjectType('LifecycleStageChange', {
  description: 'A stage a contact entered, with why. The first of a contact has no fromStage.',
})
export class LifecycleStageChangeType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true, description: 'The stage before; null for the first.' })
  fromStage!: string | null;

  @Field(() => String, { description: 'The stage entered.' })
  toStage!: string;

  @Field(() => LifecycleCause)
  cause!: LifecycleCause;

  @Field(() => String, {
    nullable: true,
    description: 'The domain lifecycle event behind the move (purchased, referredCustomer, …).',
  })
  event!: string | null;

  @Field(() => String, { nullable: true, description: 'Why: the agent’s words or the rule’s.' })
  reason!: string | null;

  @Field(() => ID, { nullable: true, description: 'The user who moved it, if a user did.' })
  actorId!: string | null;

  @Field(() => Date)
  changedAt!: Date;
}

@ObjectType('LifecycleSettings', { description: 'The tenant’s lifecycle thresholds.' })
export class LifecycleSettingsType {
  @Field(() => Int, {
    description:
      'Days without activity after which a customer or advocate becomes churned (default 180).',
  })
  churnAfterDays!: number;
}

@ObjectType('LifecycleFunnelStep', { description: 'How many contacts got at least this far.' })
export class LifecycleFunnelStepType {
  @Field(() => String, { description: 'The funnel stage (subscriber … advocate).' })
  stage!: string;

  @Field(() => Int, { description: 'Contacts that entered this stage or a later one.' })
  reached!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'reached over the previous step’s reached (0–1); null for the first step.',
  })
  conversionFromPrevious!: number | null;
}

@ObjectType('LifecycleFunnel', {
  description:
    'The funnel of the contacts who entered the lifecycle in the period (all time without one), from their whole histories.',
})
export class LifecycleFunnelType {
  @Field(() => Int, { description: 'Contacts counted.' })
  contacts!: number;

  @Field(() => [LifecycleFunnelStepType])
  steps!: LifecycleFunnelStepType[];

  @Field(() => Int, { description: 'Contacts that have churned at some point.' })
  churned!: number;

  @Field(() => Float, {
    nullable: true,
    description: 'Contacts that became customers over contacts that became leads.',
  })
  leadToCustomer!: number | null;
}

@ObjectType('LeadConversionRatio', {
  description: 'Leads that became customers, among the contacts of the period.',
})
export class LeadConversionRatioType {
  @Field(() => Int, { description: 'Contacts that reached lead or beyond.' })
  leads!: number;

  @Field(() => Int, { description: 'Of them, those that reached customer or beyond.' })
  customers!: number;

  @Field(() => Float, { nullable: true, description: 'customers / leads; null without leads.' })
  ratio!: number | null;
}

@ObjectType('LifecycleStageTime', {
  description: 'The median stay in a stage, over finished stays only.',
})
export class LifecycleStageTimeType {
  @Field(() => String)
  stage!: string;

  @Field(() => Float, { nullable: true, description: 'Median days; null when nobody left it.' })
  medianDays!: number | null;
}

@ObjectType('LifecycleCohort', {
  description: 'The funnel of the contacts who entered the lifecycle in one calendar month.',
})
export class LifecycleCohortType {
  @Field(() => String, { description: 'The month, YYYY-MM (UTC).' })
  cohort!: string;

  @Field(() => LifecycleFunnelType)
  funnel!: LifecycleFunnelType;
}
