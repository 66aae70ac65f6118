import { DEFAULT_PROCESS_CATALOGUE } from '@socialcrm/domain';
import { Arg, Authorized, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import type { MaturityService } from './maturity.service.js';
import {
  CrmProcessType,
  MaturityAssessmentType,
  RecordMaturityAssessmentInput,
} from './maturity.type.js';

@Resolver()
export class MaturityResolver {
  constructor(private readonly service: MaturityService) {}

  @Authorized(TenantRole.MANAGER)
  @Mutation(() => MaturityAssessmentType, {
    description:
      'Records a CRM maturity assessment (one rating per catalogue process) and answers its audit; rating errors name the field.',
  })
  recordMaturityAssessment(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => RecordMaturityAssessmentInput) input: RecordMaturityAssessmentInput,
  ) {
    return this.service.record(operation, input);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [MaturityAssessmentType], {
    description: 'The tenant’s maturity assessments, newest first.',
  })
  maturityAssessments(
    @Ctx() { operation }: GraphQLContext,
    @Arg('first', () => Int, { defaultValue: 50, description: '1 to 100.' }) first: number,
  ) {
    return this.service.list(operation, first);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => MaturityAssessmentType, { description: 'One maturity assessment with its audit.' })
  maturityAssessment(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.service.get(operation, id);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => MaturityAssessmentType, {
    nullable: true,
    description: 'The newest maturity assessment, or null before the first.',
  })
  latestMaturityAssessment(@Ctx() { operation }: GraphQLContext) {
    return this.service.latest(operation);
  }

  @Authorized(TenantRole.VIEWER)
  @Query(() => [CrmProcessType], {
    description: 'The processes the maturity questionnaire rates, in catalogue order.',
  })
  maturityProcessCatalogue() {
    return DEFAULT_PROCESS_CATALOGUE.map((p) => ({ ...p }));
  }
}
