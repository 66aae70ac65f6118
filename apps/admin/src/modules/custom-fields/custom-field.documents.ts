import { graphql, type ResultOf, type VariablesOf } from '../../graphql.js';

export const CustomFieldDefinitionFields = graphql(`
  fragment CustomFieldDefinitionFields on CustomFieldDefinition {
    id
    entity
    key
    label
    type
    options
    required
    position
  }
`);

export type CustomFieldDefinition = ResultOf<typeof CustomFieldDefinitionFields>;
export type CustomFieldEntity = CustomFieldDefinition['entity'];
export type CustomFieldType = CustomFieldDefinition['type'];

export const CustomFieldDefinitionsQuery = graphql(
  `
  query CustomFieldDefinitions($entity: CustomFieldEntity!) {
    customFieldDefinitions(entity: $entity) { ...CustomFieldDefinitionFields }
  }
`,
  [CustomFieldDefinitionFields],
);

export const DefineCustomFieldMutation = graphql(
  `
  mutation DefineCustomField($input: DefineCustomFieldInput!) {
    defineCustomField(input: $input) { ...CustomFieldDefinitionFields }
  }
`,
  [CustomFieldDefinitionFields],
);
export type DefineCustomFieldInput = VariablesOf<typeof DefineCustomFieldMutation>['input'];

export const UpdateCustomFieldMutation = graphql(
  `
  mutation UpdateCustomField($id: ID!, $input: CustomFieldPatchInput!) {
    updateCustomField(id: $id, input: $input) { ...CustomFieldDefinitionFields }
  }
`,
  [CustomFieldDefinitionFields],
);

export const DeleteCustomFieldMutation = graphql(`
  mutation DeleteCustomField($id: ID!) {
    deleteCustomField(id: $id)
  }
`);
