import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import type { ContactService } from '../contacts/index.js';
import { ContactType } from '../contacts/index.js';
import type { LifecycleChurn } from './churn-job.js';
import {
  LeadConversionRatioType,
  LifecycleCohortType,
  LifecycleFunnelType,
  LifecycleSettingsType,
  LifecycleStageTimeType,
} from './lifecycle.type.js';
import {
  cohorts,
  funnel,
  type LifecyclePeriod,
  leadConversion,
  medianTimes,
} from './lifecycle-analytics.js';
import { lifecycleSettings, updateLifecycleSettings } from './lifecycle-settings.js';
import { moveStage } from './stage-moves.js';

const FROM = {
  nullable: true,
  description: 'Contacts that entered the lifecycle at or after this instant (open when null).',
};
const TO = {
  nullable: true,
  description:
    'Contacts that entered before this instant; later moves are ignored (open when null).',
};

@Resolver()
export class LifecycleResolver {
  constructor(
    private readonly contacts: ContactService,
    private readonly churn: LifecycleChurn,
  ) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => LifecycleFunnelType, {
    description: 'The lifecycle funnel with step conversion rates (domain lifecycleFunnel).',
  })
  lifecycleFunnel(
    @Ctx() { operation }: GraphQLContext,
    @Arg('from', () => Date, FROM) from?: Date | null,
    @Arg('to', () => Date, TO) to?: Date | null,
  ) {
    return funnel(operation, { from, to } satisfies LifecyclePeriod);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => LeadConversionRatioType, {
    description: 'Contacts that became customers over contacts that became leads.',
  })
  leadConversionRatio(
    @Ctx() { operation }: GraphQLContext,
    @Arg('from', () => Date, FROM) from?: Date | null,
    @Arg('to', () => Date, TO) to?: Date | null,
  ) {
    return leadConversion(operation, { from, to });
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [LifecycleStageTimeType], {
    description: 'Median days spent in each stage, over finished stays (every stage, in order).',
  })
  medianTimeInStage(
    @Ctx() { operation }: GraphQLContext,
    @Arg('from', () => Date, FROM) from?: Date | null,
    @Arg('to', () => Date, TO) to?: Date | null,
  ) {
    return medianTimes(operation, { from, to });
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [LifecycleCohortType], {
    description: 'Monthly cohorts by first stage entry, oldest first, each with its funnel.',
  })
  lifecycleCohorts(
    @Ctx() { operation }: GraphQLContext,
    @Arg('from', () => Date, FROM) from?: Date | null,
    @Arg('to', () => Date, TO) to?: Date | null,
  ) {
    return cohorts(operation, { from, to });
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => LifecycleSettingsType, { description: 'The tenant’s lifecycle thresholds.' })
  lifecycleSettings(@Ctx() { operation }: GraphQLContext) {
    return lifecycleSettings(operation);
  }

  @Authorized(TenantRole.AGENT)
  @Mutation(() => ContactType, {
    description:
      'Moves a contact to a stage, with a reason kept in its history (cause AGENT) and on its timeline. Only moves the lifecycle machine allows from the current stage: BAD_USER_INPUT on input.stage otherwise (e.g. to churned before churnAfterDays without activity); input.reason is required.',
  })
  async moveLifecycleStage(
    @Ctx() { operation }: GraphQLContext,
    @Arg('contactId', () => ID, { description: 'The contact to move.' }) contactId: string,
    @Arg('stage', () => String, { description: 'The stage to move it to.' }) stage: string,
    @Arg('reason', () => String, { description: 'Why (1–500 characters).' }) reason: string,
  ) {
    const id = await moveStage(operation, { contactId, stage, reason });
    return this.contacts.get(operation, id);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => LifecycleSettingsType, {
    description:
      'Sets the days without activity after which customers and advocates churn (1–3650); the tenant is checked against it at once.',
  })
  async updateLifecycleSettings(
    @Ctx() { operation }: GraphQLContext,
    @Arg('churnAfterDays', () => Int) churnAfterDays: number,
  ) {
    const settings = await updateLifecycleSettings(operation, churnAfterDays);
    const tenantId = await operation.tenantId();
    await operation.afterCommit(() => this.churn.queue(tenantId));
    return settings;
  }
}
