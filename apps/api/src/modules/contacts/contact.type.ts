import { Field, ID, ObjectType } from 'type-graphql';
import { CustomFieldValue } from '../custom-fields/index.js';
import { SocialIdentityType } from './social-identity.type.js';

@ObjectType('Consent', { description: 'A consent flag, when it last changed and where from.' })
export class ConsentType {
  @Field(() => Boolean, {
    nullable: true,
    description: 'Given (true), refused (false) or unknown (null).',
  })
  granted: boolean | null;

  @Field(() => Date, { nullable: true, description: 'When the flag last changed.' })
  at: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Where the change came from (a form, an import…).',
  })
  source: string | null;
}

@ObjectType('CompanySummary', { description: 'A company as a contact’s card shows it.' })
export class CompanySummaryType {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  name: string;
}

@ObjectType('ContactCompany', {
  description: 'A company the contact belongs to, with their role there.',
})
export class ContactCompanyType {
  @Field(() => CompanySummaryType)
  company: CompanySummaryType;

  @Field(() => String, { nullable: true, description: 'Their role (a job title, “buyer”…).' })
  role: string | null;
}

@ObjectType('Contact', {
  description: 'A person the tenant knows, with every social identity and one timeline.',
})
export class ContactType {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'As given, else the name, else the first email or phone.' })
  displayName: string;

  @Field(() => String, { nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true })
  lastName: string | null;

  @Field(() => [String], { description: 'Email addresses, lower-cased.' })
  emails: string[];

  @Field(() => [String], { description: 'Phone numbers in E.164 (+34600111222).' })
  phones: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Primary language subtag (BCP 47): es, en, ru.',
  })
  language: string | null;

  @Field(() => String, { nullable: true, description: 'ISO 3166-1 alpha-2 country: ES, MX.' })
  country: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Gender as the contact states it: female, male, non_binary or other.',
  })
  gender: string | null;

  @Field(() => String, { nullable: true, description: 'Birth date, YYYY-MM-DD.' })
  birthDate: string | null;

  @Field(() => [String])
  tags: string[];

  @Field(() => ID, { nullable: true, description: 'The agent who owns the relationship.' })
  ownerId: string | null;

  @Field(() => String, {
    description:
      'Lifecycle stage: subscriber, lead, marketingQualifiedLead, … customer, advocate, churned.',
  })
  lifecycleStage: string;

  @Field(() => ConsentType, { description: 'Consent to be emailed.' })
  emailConsent: ConsentType;

  @Field(() => ConsentType, { description: 'Consent to be contacted on social networks.' })
  socialConsent: ConsentType;

  @Field(() => [CustomFieldValue], { description: 'The tenant’s custom fields that have a value.' })
  customFields: CustomFieldValue[];

  @Field(() => [SocialIdentityType])
  identities: SocialIdentityType[];

  @Field(() => String, { nullable: true, description: 'The id in the source system (imports).' })
  externalId: string | null;

  @Field(() => Date)
  createdAt: Date;

  @Field(() => Date)
  updatedAt: Date;
}
