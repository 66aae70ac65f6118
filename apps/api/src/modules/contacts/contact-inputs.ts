import { countrySchema, IdentityChannel, languageSchema } from '@socialcrm/validation';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { SortDirection } from '../../platform/graphql/sort-direction.js';
import { CustomFieldValue } from '../custom-fields/index.js';

@InputType({ description: 'A consent flag as an agent or a form sets it.' })
export class ConsentInput {
  @Field(() => Boolean, { description: 'Given or refused.' })
  granted: boolean;

  @Field(() => String, {
    nullable: true,
    description:
      'Where it comes from (a form, a call…); USER when omitted. Kept with the date of the change.',
  })
  source?: string | null;
}

@InputType({
  description: 'A contact’s fields. Phones without + are read in the contact’s country.',
})
class ContactFields {
  @Field(() => String, {
    nullable: true,
    description: 'Derived from the names, email or phone when omitted.',
  })
  displayName?: string | null;

  @Field(() => String, { nullable: true })
  firstName?: string | null;

  @Field(() => String, { nullable: true })
  lastName?: string | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Email addresses (lower-cased when stored).',
  })
  emails?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Phones; stored in E.164.' })
  phones?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A BCP 47 tag; its primary subtag is kept.' })
  language?: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country code.' })
  country?: string | null;

  @Field(() => String, { nullable: true })
  city?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Gender as the contact states it: female, male, non_binary or other.',
  })
  gender?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Birth date YYYY-MM-DD: in the past, not before 1900.',
  })
  birthDate?: string | null;

  @Field(() => [String], { nullable: true })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'An agent, manager or owner of this tenant.' })
  ownerId?: string | null;

  @Field(() => ConsentInput, { nullable: true })
  emailConsent?: ConsentInput | null;

  @Field(() => ConsentInput, { nullable: true })
  socialConsent?: ConsentInput | null;

  @Field(() => [CustomFieldValue], {
    nullable: true,
    description:
      'Custom values, checked against the tenant’s definitions (type, options, required).',
  })
  customFields?: CustomFieldValue[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'The id in the source system; unique in the tenant.',
  })
  externalId?: string | null;
}

@InputType('ContactInput', { description: 'A new contact.' })
export class ContactInput extends ContactFields {
  @Field(() => String, {
    nullable: true,
    description: 'Lifecycle stage to start at; lead when omitted.',
  })
  lifecycleStage?: string | null;
}

@InputType('ContactPatch', {
  description:
    'Changes to a contact: omitted fields keep their value, null clears one; custom values given replace those keys only.',
})
export class ContactPatch extends ContactFields {}

export enum ContactSortField {
  DISPLAY_NAME = 'DISPLAY_NAME',
  CREATED_AT = 'CREATED_AT',
  UPDATED_AT = 'UPDATED_AT',
  LAST_NAME = 'LAST_NAME',
}
registerEnumType(ContactSortField, {
  name: 'ContactSortField',
  description:
    'DISPLAY_NAME, LAST_NAME (missing last names first): by text. CREATED_AT, UPDATED_AT: by time.',
});

@ObjectType('ContactSortValue', { description: 'A contacts list order as saved.' })
@InputType('ContactSort', { description: 'The order of the contacts list; ties are broken by id.' })
export class ContactSort {
  @Field(() => ContactSortField)
  field: ContactSortField;

  @Field(() => SortDirection)
  direction: SortDirection;
}

@ObjectType('CustomFieldConditionValue', { description: 'A custom field condition as saved.' })
@InputType('CustomFieldCondition', { description: 'A custom field must hold exactly this value.' })
export class CustomFieldCondition {
  @Field(() => String, { description: 'The definition’s key.' })
  key: string;

  @Field(() => String, {
    description: 'The value as text (canonical as stored: 1.5, 2026-01-31, true).',
  })
  equals: string;
}

// One class for both directions: a saved view answers the filter it was given.
@ObjectType('ContactFilterValue', { description: 'A contacts filter as saved.' })
@InputType('ContactFilter', {
  description: 'Every given criterion must hold; a list matches any of its values.',
})
export class ContactFilter {
  @Field(() => [String], { nullable: true, description: 'Has any of these tags.' })
  tags?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Owned by this user.' })
  ownerId?: string | null;

  @Field(() => [String], { nullable: true })
  lifecycleStages?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'ISO 3166-1 alpha-2 codes.' })
  countries?: string[] | null;

  @Field(() => [String], { nullable: true, description: 'Primary language subtags.' })
  languages?: string[] | null;

  @Field(() => ID, { nullable: true, description: 'Belongs to this company.' })
  companyId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Email consent given (true) or refused (false).',
  })
  emailConsent?: boolean | null;

  @Field(() => [IdentityChannel], {
    nullable: true,
    description: 'Has an identity on any of these.',
  })
  channels?: IdentityChannel[] | null;

  @Field(() => Date, { nullable: true, description: 'Created at or after.' })
  createdFrom?: Date | null;

  @Field(() => Date, { nullable: true, description: 'Created before.' })
  createdTo?: Date | null;

  @Field(() => [CustomFieldCondition], {
    nullable: true,
    description: 'Every condition must hold.',
  })
  custom?: CustomFieldCondition[] | null;

  @Field(() => Int, { nullable: true, description: 'RFM recency score on purchases, 1–5.' })
  rfmRecency?: number | null;

  @Field(() => Int, { nullable: true, description: 'RFM frequency score on purchases, 1–5.' })
  rfmFrequency?: number | null;

  @Field(() => Int, { nullable: true, description: 'RFM recency score on engagement, 1–5.' })
  engagementRecency?: number | null;

  @Field(() => Int, { nullable: true, description: 'RFM frequency score on engagement, 1–5.' })
  engagementFrequency?: number | null;

  @Field(() => ID, { nullable: true, description: 'A member of this segment or static list.' })
  segmentId?: string | null;
}

const list = <T extends z.ZodType>(item: T, max: number) =>
  z.array(item).max(max).optional().nullable();

export const contactFilterSchema = z.object({
  tags: list(z.string().trim().min(1).max(50), 50),
  ownerId: z.uuid('is not a valid id').optional().nullable(),
  lifecycleStages: list(z.string().trim().min(1).max(40), 20),
  countries: list(countrySchema, 50),
  languages: list(languageSchema, 50),
  companyId: z.uuid('is not a valid id').optional().nullable(),
  emailConsent: z.boolean().optional().nullable(),
  channels: list(z.enum(IdentityChannel), 20),
  createdFrom: z.coerce.date().optional().nullable(),
  createdTo: z.coerce.date().optional().nullable(),
  custom: list(
    z.object({ key: z.string().trim().min(1).max(50), equals: z.string().max(2000) }),
    20,
  ),
  rfmRecency: z.number().int().min(1).max(5).optional().nullable(),
  rfmFrequency: z.number().int().min(1).max(5).optional().nullable(),
  engagementRecency: z.number().int().min(1).max(5).optional().nullable(),
  engagementFrequency: z.number().int().min(1).max(5).optional().nullable(),
  segmentId: z.uuid('is not a valid id').optional().nullable(),
});
export type ContactFilterRecord = z.output<typeof contactFilterSchema>;

export const contactSortSchema = z.object({
  field: z.enum(ContactSortField),
  direction: z.enum(SortDirection),
});
