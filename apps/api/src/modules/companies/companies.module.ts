import { defineModule } from '../../platform/modules/api-module.js';
import type { ContactService } from '../contacts/index.js';
import type { CustomFields } from '../custom-fields/index.js';
import type { TimelineService } from '../timeline/index.js';
import { CompanyResolver } from './company.resolver.js';
import { CompanyFieldsResolver, ContactCompaniesResolver } from './company-fields.resolver.js';
import { CompanyImport } from './company-import.js';
import { CompanyList } from './company-list.js';
import { CompanyMembers } from './company-members.js';
import { CompanyWrites } from './company-writes.js';

/** Companies (B2B accounts), the contacts that belong to them with a role, and their import. */
export const companiesModule = defineModule({
  name: 'companies',
  resolvers: [CompanyResolver, CompanyFieldsResolver, ContactCompaniesResolver],
  build({
    timeline,
    customFields,
    contacts,
  }: {
    timeline: TimelineService;
    customFields: CustomFields;
    contacts: ContactService;
  }) {
    const members = new CompanyMembers(timeline);
    return {
      resolvers: [
        new CompanyResolver(
          new CompanyList(),
          new CompanyWrites(customFields, timeline),
          members,
          contacts,
        ),
        new CompanyFieldsResolver(members),
        new ContactCompaniesResolver(members),
      ],
      offers: { companyImport: new CompanyImport(customFields) },
    };
  },
});
