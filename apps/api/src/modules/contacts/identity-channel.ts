import { IdentityChannel } from '@socialcrm/validation';
import { registerEnumType } from 'type-graphql';

registerEnumType(IdentityChannel, {
  name: 'IdentityChannel',
  description:
    'Where a contact has an identity: a social network, email, phone, the web, or (for mention authors) a blog, forum or news site.',
});

export { IdentityChannel };
