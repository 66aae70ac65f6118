import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AgencyType, TenantType } from '../tenancy/index.js';
import { VolumePoint } from './mention-stats.type.js';

/** Tenants one overview reads, each in an operation of its own. */
export const MAX_OVERVIEW_TENANTS = 200;

@ObjectType({ description: "One tenant's listening over the period, read in that tenant." })
export class TenantOverview {
  @Field(() => TenantType)
  tenant: TenantType;

  @Field(() => Int, { description: 'Mentions of the period.' })
  mentions: number;

  @Field(() => Float, {
    nullable: true,
    description: '(positive − negative) / (positive + negative); null without polar mentions.',
  })
  netSentiment: number | null;

  @Field(() => Float, {
    nullable: true,
    description: "Own brands' combined share of voice by mentions; null without brand mentions.",
  })
  ownShareByMentions: number | null;

  @Field(() => [VolumePoint], {
    description: 'Volume per bucket of the period, as in `mentionStats`.',
  })
  trend: VolumePoint[];
}

@ObjectType({ description: "The agency home: each of the agency's tenants over one period." })
export class AgencyOverview {
  @Field(() => AgencyType)
  agency: AgencyType;

  @Field(() => Int, {
    description: `Tenants the agency runs; \`tenants\` holds at most ${MAX_OVERVIEW_TENANTS} of them.`,
  })
  tenantCount: number;

  @Field(() => [TenantOverview], {
    description: `The first ${MAX_OVERVIEW_TENANTS} tenants by name.`,
  })
  tenants: TenantOverview[];
}
