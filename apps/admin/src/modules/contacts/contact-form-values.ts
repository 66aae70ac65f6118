import type { CustomFieldDefinition } from '../custom-fields/custom-field.documents.js';
import {
  type CustomValues,
  customValuesOf,
  toCustomFieldInput,
} from '../custom-fields/custom-field-values.js';
import type { Contact } from './contact.documents.js';

/** Email consent as a form picks it: unknown (never asked), given or refused. */
export type ConsentChoice = '' | 'granted' | 'refused';

/** The contact form as edited; lists are tags, empty text means none. */
export interface ContactFormValues {
  displayName: string;
  firstName: string;
  lastName: string;
  emails: string[];
  phones: string[];
  language: string;
  country: string;
  city: string;
  tags: string[];
  ownerId: string;
  lifecycleStage: string;
  emailConsent: ConsentChoice;
  emailConsentSource: string;
  custom: CustomValues;
}

export const CONTACT_LISTS = ['emails', 'phones', 'tags'] as const;

export function emptyContactForm(definitions: readonly CustomFieldDefinition[]): ContactFormValues {
  return {
    displayName: '',
    firstName: '',
    lastName: '',
    emails: [],
    phones: [],
    language: '',
    country: '',
    city: '',
    tags: [],
    ownerId: '',
    lifecycleStage: 'lead',
    emailConsent: '',
    emailConsentSource: '',
    custom: customValuesOf(definitions),
  };
}

const consentChoice = (granted: boolean | null | undefined): ConsentChoice =>
  granted === true ? 'granted' : granted === false ? 'refused' : '';

export function contactToForm(
  contact: Contact,
  definitions: readonly CustomFieldDefinition[],
): ContactFormValues {
  return {
    displayName: contact.displayName,
    firstName: contact.firstName ?? '',
    lastName: contact.lastName ?? '',
    emails: [...contact.emails],
    phones: [...contact.phones],
    language: contact.language ?? '',
    country: contact.country ?? '',
    city: contact.city ?? '',
    tags: [...contact.tags],
    ownerId: contact.ownerId ?? '',
    lifecycleStage: contact.lifecycleStage,
    emailConsent: consentChoice(contact.emailConsent.granted),
    emailConsentSource: contact.emailConsent.source ?? '',
    custom: customValuesOf(definitions, contact.customFields),
  };
}

const orNull = (text: string) => (text.trim() === '' ? null : text);

/**
 * The form as the api's input. A new contact sends its stage and only the custom values set;
 * an edit sends every custom key (so a cleared one is cleared) and the consent only when it
 * changed (the api stamps its date on each change).
 */
export function toContactInput(
  values: ContactFormValues,
  { editing = false, initialConsent = '' as ConsentChoice } = {},
) {
  const consentChanged = values.emailConsent !== '' && values.emailConsent !== initialConsent;
  return {
    displayName: orNull(values.displayName),
    firstName: orNull(values.firstName),
    lastName: orNull(values.lastName),
    emails: [...values.emails],
    phones: [...values.phones],
    language: orNull(values.language),
    country: orNull(values.country),
    city: orNull(values.city),
    tags: [...values.tags],
    ownerId: orNull(values.ownerId),
    ...(!editing && { lifecycleStage: values.lifecycleStage || null }),
    ...(consentChanged && {
      emailConsent: {
        granted: values.emailConsent === 'granted',
        source: orNull(values.emailConsentSource),
      },
    }),
    customFields: toCustomFieldInput(values.custom, { clearing: editing }),
  };
}

export const contactLists = (values: ContactFormValues): Record<string, readonly string[]> => ({
  emails: values.emails,
  phones: values.phones,
  tags: values.tags,
});
