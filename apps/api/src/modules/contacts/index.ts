// What the contacts module offers the others.

export type { ContactService } from './contact.service.js';
export { ContactType } from './contact.type.js';
export { contactsModule } from './contacts.module.js';
export { MentionChannel } from './social-channel.js';
export {
  identityKey,
  type KnownIdentity,
  type MentionOnTimeline,
  type SocialIdentities,
} from './social-identities.js';
export { SocialIdentityType } from './social-identity.type.js';
export type { AuthorUpsert } from './social-identity-statements.js';
