/** How a contact's belonging to a company changed, as its timeline's EDIT entry records it. */
export type CompanyLinkChange =
  | 'COMPANY_LINKED'
  | 'COMPANY_ROLE_CHANGED'
  | 'COMPANY_UNLINKED'
  | 'COMPANY_DELETED';

/** The entry's `data`: which change, which company (its name then) and the role. */
export function companyLinkChange(
  change: CompanyLinkChange,
  company: { readonly id: string; readonly name: string },
  role: string | null,
  previousRole?: string | null,
) {
  return {
    change,
    company: { id: company.id, name: company.name },
    role,
    ...(previousRole !== undefined ? { previousRole } : {}),
  };
}
