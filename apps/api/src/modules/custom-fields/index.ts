// What the custom-fields module offers the others.

export { CustomFieldDefinitionType, CustomFieldValue } from './custom-field.type.js';
export { customFieldsModule } from './custom-fields.module.js';
export type { CustomFields, CustomValuesInput } from './custom-fields.service.js';
