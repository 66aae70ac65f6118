// What the custom-fields module offers the others.

export { CustomFieldDefinitionType, CustomFieldValue } from './custom-field.type.js';
export { customFieldsModule } from './custom-fields.module.js';
export {
  CUSTOM_COLUMN_PREFIX,
  type CustomFields,
  type CustomValuesInput,
  customColumnOf,
} from './custom-fields.service.js';
