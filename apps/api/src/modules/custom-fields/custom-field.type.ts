import { CustomFieldEntity, CustomFieldType } from '@socialcrm/validation';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';

registerEnumType(CustomFieldEntity, {
  name: 'CustomFieldEntity',
  description: 'What a custom field describes: a contact or a company.',
});
registerEnumType(CustomFieldType, {
  name: 'CustomFieldType',
  description:
    'TEXT: free text. NUMBER: an exact decimal. DATE: a calendar date (YYYY-MM-DD). BOOLEAN: true or false. ONE_OF: one of the definition’s options.',
});

@ObjectType('CustomFieldDefinition', {
  description:
    'A field the tenant’s owner added to every contact or company, checked on every write.',
})
export class CustomFieldDefinitionType {
  @Field(() => ID)
  id: string;

  @Field(() => CustomFieldEntity, { description: 'Contacts or companies.' })
  entity: CustomFieldEntity;

  @Field(() => String, {
    description: 'The key values are written under; import and export columns are `custom.<key>`.',
  })
  key: string;

  @Field(() => String, { description: 'What forms and tables show.' })
  label: string;

  @Field(() => CustomFieldType, { description: 'What its values must be.' })
  type: CustomFieldType;

  @Field(() => [String], { description: 'The allowed values of a ONE_OF field; empty otherwise.' })
  options: string[];

  @Field(() => Boolean, { description: 'Whether every record must have a value.' })
  required: boolean;

  @Field(() => Int, { description: 'Order in forms and tables, smallest first.' })
  position: number;
}

@ObjectType('CustomFieldValue', {
  description:
    'One custom value, as text: numbers as decimal text, dates as YYYY-MM-DD, booleans "true"/"false".',
})
@InputType('CustomFieldValueInput', {
  description: 'One custom value as text; null or blank removes it.',
})
export class CustomFieldValue {
  @Field(() => String, { description: 'The definition’s key.' })
  key: string;

  @Field(() => String, { nullable: true, description: 'The value as text.' })
  value: string | null;
}

@InputType({ description: 'A new custom field.' })
export class DefineCustomFieldInput {
  @Field(() => CustomFieldEntity, { description: 'Contacts or companies.' })
  entity: CustomFieldEntity;

  @Field(() => String, {
    description:
      'Lower-case letters, digits and _, starting with a letter; unique per entity; cannot change.',
  })
  key: string;

  @Field(() => String, { description: 'What forms and tables show.' })
  label: string;

  @Field(() => CustomFieldType, { description: 'What its values must be; cannot change.' })
  type: CustomFieldType;

  @Field(() => [String], { nullable: true, description: 'The allowed values (ONE_OF only).' })
  options?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether every record must have a value.' })
  required?: boolean | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Order in forms; after the others when omitted.',
  })
  position?: number | null;
}

@InputType({ description: 'Changes to a custom field; omitted fields keep their value.' })
export class CustomFieldPatchInput {
  @Field(() => String, { nullable: true, description: 'A new label.' })
  label?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'New options (ONE_OF only); values already stored are kept as they are.',
  })
  options?: string[] | null;

  @Field(() => Boolean, { nullable: true, description: 'Whether every record must have a value.' })
  required?: boolean | null;

  @Field(() => Int, { nullable: true, description: 'Order in forms.' })
  position?: number | null;
}
