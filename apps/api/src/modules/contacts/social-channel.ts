import { MentionChannel } from '@socialcrm/validation';
import { registerEnumType } from 'type-graphql';

registerEnumType(MentionChannel, {
  name: 'MentionChannel',
  description: 'The network, site or kind of source a mention came from.',
});

/** Where a mention was published. */
export { MentionChannel };
