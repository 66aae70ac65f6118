import type { CustomFieldDefinition } from '../custom-fields/custom-field.documents.js';
import {
  type CustomValues,
  customValuesOf,
  toCustomFieldInput,
} from '../custom-fields/custom-field-values.js';
import type { Company, CompanySize } from './company.documents.js';

/** The company form as edited; empty text means none. */
export interface CompanyFormValues {
  name: string;
  domain: string;
  industry: string;
  size: CompanySize | '';
  custom: CustomValues;
}

export function emptyCompanyForm(definitions: readonly CustomFieldDefinition[]): CompanyFormValues {
  return { name: '', domain: '', industry: '', size: '', custom: customValuesOf(definitions) };
}

export function companyToForm(
  company: Company,
  definitions: readonly CustomFieldDefinition[],
): CompanyFormValues {
  return {
    name: company.name,
    domain: company.domain ?? '',
    industry: company.industry ?? '',
    size: company.size ?? '',
    custom: customValuesOf(definitions, company.customFields),
  };
}

/** The form as the api's input; an edit sends every custom key so a cleared one is cleared. */
export function toCompanyInput(values: CompanyFormValues, { editing = false } = {}) {
  return {
    name: values.name,
    domain: values.domain.trim() || null,
    industry: values.industry.trim() || null,
    size: values.size || null,
    customFields: toCustomFieldInput(values.custom, { clearing: editing }),
  };
}
