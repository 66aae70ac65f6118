import type { CompanySize } from '@socialcrm/validation';
import type { CompanyType } from './company.type.js';

/** The columns a company is answered with, from `company co`. */
export const COMPANY_COLUMNS = `co.id, co.name, co.domain, co.industry, co.size, co.custom_fields AS "customFields",
  co.external_id AS "externalId", co.created_at AS "createdAt", co.updated_at AS "updatedAt"`;

export interface CompanyRow {
  id: string;
  name: string;
  domain: string | null;
  industry: string | null;
  size: CompanySize | null;
  customFields: Record<string, string>;
  externalId: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export function toCompany({ customFields, ...row }: CompanyRow): CompanyType {
  return {
    ...row,
    customFields: Object.entries(customFields)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, value]) => ({ key, value })),
  };
}
