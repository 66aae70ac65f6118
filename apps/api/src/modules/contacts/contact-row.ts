import type { ContactType } from './contact.type.js';

/** The columns a contact is answered with, from `contact c`: one statement for a whole page (its companies come from the companies module, batched). */
export const CONTACT_COLUMNS = `c.id, c.display_name AS "displayName", c.first_name AS "firstName",
  c.last_name AS "lastName", c.emails, c.phones, c.language, c.country, c.city, c.tags,
  c.owner_id AS "ownerId", c.lifecycle_stage AS "lifecycleStage",
  c.email_consent AS "emailConsent", c.email_consent_at AS "emailConsentAt", c.email_consent_source AS "emailConsentSource",
  c.social_consent AS "socialConsent", c.social_consent_at AS "socialConsentAt", c.social_consent_source AS "socialConsentSource",
  c.custom_fields AS "customFields", c.external_id AS "externalId", c.gender, c.birth_date::text AS "birthDate", c.created_at AS "createdAt", c.updated_at AS "updatedAt",
  coalesce((SELECT json_agg(json_build_object('id', i.id, 'channel', i.channel, 'handle', coalesce(i.handle, i.external_id),
              'externalId', i.external_id, 'profileUrl', i.profile_url, 'displayName', i.display_name,
              'followers', i.followers, 'lastSeenAt', i.last_seen_at) ORDER BY i.id)
            FROM social_identity i WHERE i.tenant_id = c.tenant_id AND i.contact_id = c.id), '[]') AS identities`;

export interface ContactRow {
  id: string;
  displayName: string;
  firstName: string | null;
  lastName: string | null;
  emails: string[];
  phones: string[];
  language: string | null;
  country: string | null;
  city: string | null;
  tags: string[];
  ownerId: string | null;
  lifecycleStage: string;
  emailConsent: boolean | null;
  emailConsentAt: Date | null;
  emailConsentSource: string | null;
  socialConsent: boolean | null;
  socialConsentAt: Date | null;
  socialConsentSource: string | null;
  customFields: Record<string, string>;
  externalId: string | null;
  gender: string | null;
  birthDate: string | null;
  createdAt: Date;
  updatedAt: Date;
  identities: Array<Record<string, unknown> & { lastSeenAt: string | null }>;
}

export function toContact(row: ContactRow): ContactType {
  const {
    emailConsent,
    emailConsentAt,
    emailConsentSource,
    socialConsent,
    socialConsentAt,
    socialConsentSource,
    customFields,
    identities,
    ...rest
  } = row;
  return {
    ...rest,
    emailConsent: { granted: emailConsent, at: emailConsentAt, source: emailConsentSource },
    socialConsent: { granted: socialConsent, at: socialConsentAt, source: socialConsentSource },
    customFields: Object.entries(customFields).map(([key, value]) => ({ key, value })),
    identities: identities.map((identity) => ({
      ...identity,
      lastSeenAt: identity.lastSeenAt ? new Date(identity.lastSeenAt) : null,
    })) as unknown as ContactType['identities'],
  };
}
