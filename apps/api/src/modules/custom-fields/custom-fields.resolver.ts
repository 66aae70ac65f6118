import { CustomFieldEntity } from '@socialcrm/validation';
import { Arg, Authorized, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import {
  CustomFieldDefinitionType,
  CustomFieldPatchInput,
  DefineCustomFieldInput,
} from './custom-field.type.js';
import { CustomFields } from './custom-fields.service.js';

/** Custom fields: everyone reads the definitions; only owners change them. */
@Resolver()
export class CustomFieldsResolver {
  constructor(private readonly fields: CustomFields) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => [CustomFieldDefinitionType], {
    description: 'The custom fields of contacts or companies in the active tenant, in form order.',
  })
  customFieldDefinitions(
    @Ctx() { operation }: GraphQLContext,
    @Arg('entity', () => CustomFieldEntity) entity: CustomFieldEntity,
  ) {
    return this.fields.definitions(operation, entity);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => CustomFieldDefinitionType, {
    description: 'Adds a custom field; later writes of that entity are checked against it.',
  })
  defineCustomField(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => DefineCustomFieldInput) input: DefineCustomFieldInput,
  ) {
    return this.fields.define(operation, input);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => CustomFieldDefinitionType, {
    description: 'Changes a custom field’s label, options, requirement or position.',
  })
  updateCustomField(
    @Ctx() { operation }: GraphQLContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => CustomFieldPatchInput) input: CustomFieldPatchInput,
  ) {
    return this.fields.update(operation, id, input);
  }

  @Authorized(TenantRole.OWNER)
  @Mutation(() => Boolean, {
    description: 'Deletes a custom field and its value on every contact or company.',
  })
  deleteCustomField(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.fields.delete(operation, id);
  }
}
