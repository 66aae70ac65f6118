import type { ContactMergePlan } from '@socialcrm/domain';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Connection } from '../../platform/graphql/connection.js';
// The contact's own consent type: a merged contact's fields read like a contact's.
import { ConsentType, ContactType } from '../contacts/index.js';
import { CustomFieldValue } from '../custom-fields/index.js';

@ObjectType('MergedContactFields', {
  description:
    'The surviving contact’s fields after a merge: its own values win; a blank one is filled from the merged contacts in the order of mergedIds; emails, phones and tags are unioned (the survivor’s first); each consent takes the most recent decision; custom fields are the survivor’s, then the others’ keys it lacks; the lifecycle stage is the one furthest along (subscriber … advocate, then churned).',
})
export class MergedContactFieldsType {
  @Field(() => String)
  displayName: string;

  @Field(() => String, { nullable: true })
  firstName: string | null;

  @Field(() => String, { nullable: true })
  lastName: string | null;

  @Field(() => [String])
  emails: string[];

  @Field(() => [String])
  phones: string[];

  @Field(() => String, { nullable: true })
  language: string | null;

  @Field(() => String, { nullable: true })
  country: string | null;

  @Field(() => String, { nullable: true })
  city: string | null;

  @Field(() => [String])
  tags: string[];

  @Field(() => ID, { nullable: true })
  ownerId: string | null;

  @Field(() => String)
  lifecycleStage: string;

  @Field(() => ConsentType)
  emailConsent: ConsentType;

  @Field(() => ConsentType)
  socialConsent: ConsentType;

  @Field(() => [CustomFieldValue])
  customFields: CustomFieldValue[];

  @Field(() => String, { nullable: true })
  externalId: string | null;
}

@ObjectType('MovedCompanyLink', {
  description: 'A merged contact’s company link that moves to the survivor, with its role.',
})
export class MovedCompanyLinkType {
  @Field(() => ID)
  companyId: string;

  @Field(() => String, { nullable: true })
  role: string | null;

  @Field(() => ID, { description: 'The merged contact it comes from.' })
  fromContactId: string;
}

@ObjectType('ContactMergePlan', {
  description:
    'Exactly what merging mergedIds into survivorId keeps and moves. The merge recomputes it under lock and applies it; for unchanged data it equals the preview. Static list memberships move to the survivor; dynamic segments follow the merged survivor.',
})
export class ContactMergePlanType {
  @Field(() => ID)
  survivorId: string;

  @Field(() => [ID], { description: 'The contacts merged into the survivor and then deleted.' })
  mergedIds: string[];

  @Field(() => MergedContactFieldsType)
  result: MergedContactFieldsType;

  @Field(() => [ID], { description: 'The merged contacts’ social identities, all moved.' })
  identityIds: string[];

  @Field(() => [MovedCompanyLinkType], {
    description:
      'Company links that move: one per company the survivor is not linked to yet (the first merged contact’s role in mergedIds order).',
  })
  companyLinks: MovedCompanyLinkType[];

  @Field(() => Int, {
    description:
      'Merged contacts’ links to companies the survivor already has (the survivor’s role stays): dropped.',
  })
  companyLinksDropped: number;

  @Field(() => Int, {
    description:
      'Timeline entries that move (lifecycle history included); the merge adds one MERGE entry.',
  })
  timelineEntries: number;

  @Field(() => Int, { description: 'Orders that move.' })
  orders: number;

  @Field(() => Int, { description: 'Email engagement events that move.' })
  engagementEvents: number;

  @Field(() => Int, { description: 'Earlier versions of moved notes (they move with them).' })
  noteVersions: number;

  @Field(() => Int, {
    description: 'Mentions written by the moved identities (they follow their identity).',
  })
  mentionsAuthored: number;
}

@ObjectType('ContactMerge', { description: 'A merge that happened: who merged what, and how.' })
export class ContactMergeType {
  @Field(() => ID, { description: 'The merge (its MERGE timeline entry’s subjectId).' })
  id: string;

  @Field(() => ID, {
    description:
      'The contact that holds the merged data now: the survivor, or whoever a later merge moved it into (plan.survivorId stays as it was).',
  })
  survivorId: string;

  @Field(() => [ID], { description: 'The contacts merged away (deleted).' })
  mergedIds: string[];

  @Field(() => ID, { nullable: true, description: 'The user who merged (null once removed).' })
  mergedById: string | null;

  @Field(() => Date, { description: 'When it was merged.' })
  mergedAt: Date;

  @Field(() => ContactMergePlanType, { description: 'The plan it applied.' })
  plan: ContactMergePlanType;
}

@ObjectType('ContactMergeConnection', { description: 'Merges of the tenant, newest first.' })
export class ContactMergeConnection extends Connection(ContactMergeType, 'ContactMerge') {}

@ObjectType('ContactMergeResult', { description: 'A merge just done.' })
export class ContactMergeResultType {
  @Field(() => ContactMergeType, { description: 'Its record, with the plan it applied.' })
  merge: ContactMergeType;

  @Field(() => ContactType, { description: 'The surviving contact as it is now.' })
  contact: ContactType;
}

/** The GraphQL shape of a plan (consent times as dates, custom fields as a list). */
export function toPlanType(plan: ContactMergePlan): ContactMergePlanType {
  const consent = ({ at, ...rest }: ContactMergePlan['result']['emailConsent']) => ({
    ...rest,
    at: at === null ? null : new Date(at),
  });
  const { result } = plan;
  return {
    ...plan,
    mergedIds: [...plan.mergedIds],
    identityIds: [...plan.identityIds],
    companyLinks: [...plan.companyLinks],
    result: {
      ...result,
      emails: [...result.emails],
      phones: [...result.phones],
      tags: [...result.tags],
      emailConsent: consent(result.emailConsent),
      socialConsent: consent(result.socialConsent),
      customFields: Object.entries(result.customFields)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]) => ({ key, value })),
    },
  };
}
