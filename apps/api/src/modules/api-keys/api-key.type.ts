import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { TenantRole } from '../../platform/auth/roles.js';

export { createApiKeySchema } from '@socialcrm/validation';

@ObjectType('ApiKey', {
  description:
    'A machine credential of the active tenant. Its secret is never shown again after creation.',
})
export class ApiKeyType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'Visible start of the key, to recognise it.' })
  prefix: string;

  @Field(() => TenantRole)
  role: TenantRole;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date, { nullable: true })
  lastUsedAt: Date | null;

  @Field(() => Date, { nullable: true })
  revokedAt: Date | null;
}

@ObjectType({ description: 'A new API key with its full secret, shown only here.' })
export class CreatedApiKey {
  @Field(() => ApiKeyType)
  apiKey: ApiKeyType;

  @Field(() => String, {
    description:
      'Send as `Authorization: Bearer <secret>`. Store it now: it cannot be shown again.',
  })
  secret: string;
}

@InputType()
export class CreateApiKeyInput {
  @Field(() => String)
  name: string;

  @Field(() => TenantRole, {
    description: 'What the key may do, as a member with this role would.',
  })
  role: TenantRole;
}
