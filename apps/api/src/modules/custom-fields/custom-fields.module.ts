import { defineModule, type NoDeps } from '../../platform/modules/api-module.js';
import { CustomFieldsResolver } from './custom-fields.resolver.js';
import { CustomFields } from './custom-fields.service.js';

/** Per-tenant custom fields of contacts and companies, and the check their writes make. */
export const customFieldsModule = defineModule({
  name: 'custom-fields',
  resolvers: [CustomFieldsResolver],
  build(_deps: NoDeps) {
    const customFields = new CustomFields();
    return { resolvers: [new CustomFieldsResolver(customFields)], offers: { customFields } };
  },
});
