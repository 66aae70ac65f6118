import type { EntityManager } from 'typeorm';
import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import { advocacyCounts } from '../advocacy/index.js';
import { RfmBasis, rfmSegmentCounts } from '../customer-scores/index.js';
import { valueTotals } from '../customer-value/index.js';
import {
  currentStageCounts,
  leadConversionOf,
  stageHistoriesByTenant,
} from '../lifecycle/index.js';
import { agencyRead } from './agency-scope.js';
import type { AgencyCustomerReport } from './customer-report.type.js';
import {
  type CustomerBaseCounts,
  customerBaseReport,
  sumCustomerBases,
} from './customer-report-figures.js';
import { reportingCurrencies } from './measures/read-counts.js';

/**
 * The customer bases of every tenant of an agency side by side and summed. Each measure is
 * read for all the tenants at once by the module that owns it, with the SQL its own pages use.
 */
export class CustomerReportService {
  constructor(private readonly scopes: OperationScopes) {}

  async agencyReport(op: Operation, agencyIdInput: string): Promise<AgencyCustomerReport> {
    const inAgency = agencyRead(this.scopes, op, agencyIdInput);
    return inAgency(async (agencyOp, staff) => {
      const tenantIds = staff.tenants.map((tenant) => tenant.id);
      const counts = await readCustomerBases(await agencyOp.manager(), tenantIds);
      return {
        agency: staff.agency,
        tenantCount: staff.tenantCount,
        tenants: staff.tenants.map((tenant) => ({
          tenant,
          report: customerBaseReport(of(counts, tenant.id)),
        })),
        total: customerBaseReport(sumCustomerBases([...counts.values()])),
      };
    });
  }
}

/** Every measure of each tenant: one query per measure (two for advocates), whatever the tenants. */
async function readCustomerBases(
  manager: EntityManager,
  tenantIds: readonly string[],
): Promise<Map<string, CustomerBaseCounts>> {
  const stages = await currentStageCounts(manager, tenantIds);
  // All time, as the lifecycle page without a period.
  const histories = await stageHistoriesByTenant(manager, tenantIds, {});
  const segments = await rfmSegmentCounts(manager, tenantIds, RfmBasis.PURCHASES);
  const values = await valueTotals(manager, tenantIds);
  const currencies = await reportingCurrencies(manager, tenantIds);
  const advocacy = await advocacyCounts(manager, tenantIds, new Date());
  return new Map(
    tenantIds.map((tenantId): [string, CustomerBaseCounts] => {
      const conversion = leadConversionOf(of(histories, tenantId));
      const value = values.get(tenantId);
      return [
        tenantId,
        {
          ...of(stages, tenantId),
          leads: conversion.leads,
          convertedLeads: conversion.customers,
          bySegment: of(segments, tenantId),
          value: value
            ? {
                valuedContacts: value.valuedContacts,
                totalClv: value.totalClv,
                currency: currencies.get(tenantId) ?? null,
                fittedAt: value.fittedAt,
              }
            : null,
          ...of(advocacy, tenantId),
        },
      ];
    }),
  );
}

/** A tenant's entry of a measure that answers for every tenant of its scope. */
function of<T>(measure: ReadonlyMap<string, T>, tenantId: string): T {
  const found = measure.get(tenantId);
  if (found === undefined) throw new Error('A customer measure left out a tenant of its scope');
  return found;
}
