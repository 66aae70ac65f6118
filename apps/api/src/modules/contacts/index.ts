// What the contacts module offers the others.

export type { ContactService } from './contact.service.js';
export { ConsentType, ContactCompanyType, ContactType } from './contact.type.js';
export { ContactConnection } from './contact-connection.js';
export type { ContactImport } from './contact-import.js';
export { ContactFilter } from './contact-inputs.js';
export { CONTACT_COLUMNS, type ContactRow, toContact } from './contact-row.js';
export type { SqlCondition } from './contact-selection.js';
export { contactsModule } from './contacts.module.js';
export { IdentityChannel } from './identity-channel.js';
export { MentionChannel } from './social-channel.js';
export {
  identityKey,
  type KnownIdentity,
  type MentionOnTimeline,
  type SocialIdentities,
} from './social-identities.js';
export { SocialIdentityType } from './social-identity.type.js';
export type { AuthorUpsert } from './social-identity-statements.js';
