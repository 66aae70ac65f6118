// The shapes the merge screens read, as the api's `DuplicateSuggestion`, `Contact` and
// `ContactMergePlan` carry them (the documents' results are assignable to these).

export interface SuggestedContact extends Pick<MergePlan['result'], ResultField> {
  id: string;
  createdAt: string;
  orderCount: number;
  identities: readonly { id: string; channel: string; handle: string }[];
}

export type CompanyLinks = readonly {
  company: { id: string; name: string };
  role: string | null;
}[];

export interface MergeContact extends SuggestedContact {
  companies: CompanyLinks;
}

export interface MergePlan {
  survivorId: string;
  mergedIds: readonly string[];
  result: {
    displayName: string;
    firstName: string | null;
    lastName: string | null;
    emails: readonly string[];
    phones: readonly string[];
    language: string | null;
    country: string | null;
    city: string | null;
    tags: readonly string[];
    lifecycleStage: string;
    externalId: string | null;
    customFields: readonly { key: string; value?: string | null }[];
  };
  identityIds: readonly string[];
  companyLinks: readonly { companyId: string; role: string | null; fromContactId: string }[];
  companyLinksDropped: number;
  timelineEntries: number;
  orders: number;
  engagementEvents: number;
  noteVersions: number;
  mentionsAuthored: number;
}

/** A merge's preview with the companies of the contacts it merges (named in the preview). */
export interface MergePreviewData {
  plan: MergePlan;
  companies: Readonly<Record<string, CompanyLinks>>;
}

/** The kept fields, in reading order, as label keys and text ('' when blank). */
export const RESULT_FIELDS = [
  'displayName',
  'firstName',
  'lastName',
  'emails',
  'phones',
  'language',
  'country',
  'city',
  'tags',
  'lifecycleStage',
  'externalId',
] as const;
export type ResultField = (typeof RESULT_FIELDS)[number];

export function fieldText(
  record: Pick<MergePlan['result'], ResultField>,
  field: ResultField,
): string {
  const value = record[field];
  if (Array.isArray(value)) return value.join(', ');
  return (value as string | null) ?? '';
}

/** The counts of what moves to the survivor, by kind, in reading order. */
export const MOVED_COUNTS = [
  'timelineEntries',
  'orders',
  'engagementEvents',
  'noteVersions',
  'mentionsAuthored',
] as const;

/** The moved identities and company links named from the merged contacts' own records. */
export function movedItems(plan: MergePlan, contacts: readonly MergeContact[]) {
  const byId = new Map(contacts.map((contact) => [contact.id, contact]));
  const identities = contacts.flatMap((contact) => contact.identities);
  const companies = new Map(
    contacts.flatMap((contact) => contact.companies).map((link) => [link.company.id, link.company]),
  );
  return {
    identities: plan.identityIds.map(
      (id) =>
        identities.find((identity) => identity.id === id) ?? {
          id,
          channel: '',
          handle: id,
        },
    ),
    companyLinks: plan.companyLinks.map((link) => ({
      ...link,
      companyName: companies.get(link.companyId)?.name ?? link.companyId,
      fromName: byId.get(link.fromContactId)?.displayName ?? link.fromContactId,
    })),
  };
}
