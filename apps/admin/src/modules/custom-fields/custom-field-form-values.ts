import type { CustomFieldType } from './custom-field.documents.js';

/** A custom field's definition as its form edits it. */
export interface CustomFieldFormValues {
  key: string;
  label: string;
  type: CustomFieldType;
  options: string[];
  required: boolean;
}
