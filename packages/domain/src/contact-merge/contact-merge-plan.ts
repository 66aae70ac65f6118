import { LIFECYCLE_STAGES } from '../lifecycle/lifecycle-stage.js';

/** A consent flag as a contact holds it: the decision, when it was taken, where from. */
export interface ConsentDecision {
  readonly granted: boolean | null;
  /** ISO 8601 time of the decision, or null when unknown. */
  readonly at: string | null;
  readonly source: string | null;
}

/** The fields of a contact that a merge combines. */
export interface MergeableFields {
  readonly displayName: string;
  readonly firstName: string | null;
  readonly lastName: string | null;
  readonly emails: readonly string[];
  readonly phones: readonly string[];
  readonly language: string | null;
  readonly country: string | null;
  readonly city: string | null;
  readonly tags: readonly string[];
  readonly ownerId: string | null;
  readonly lifecycleStage: string;
  readonly emailConsent: ConsentDecision;
  readonly socialConsent: ConsentDecision;
  readonly customFields: Readonly<Record<string, string>>;
  readonly externalId: string | null;
}

/** A company a contact belongs to, with the role there. */
export interface CompanyLink {
  readonly companyId: string;
  readonly role: string | null;
}

/** One contact of a merge: its fields and what hangs on it. */
export interface MergeCandidate extends MergeableFields {
  readonly id: string;
  readonly identityIds: readonly string[];
  readonly companyLinks: readonly CompanyLink[];
  readonly timelineEntries: number;
  readonly orders: number;
  readonly engagementEvents: number;
  /** Earlier versions of its notes (they travel with the notes). */
  readonly noteVersions: number;
  /** Mentions written by its identities (they travel with the identities). */
  readonly mentionsAuthored: number;
}

/** A merged contact's company link that moves to the survivor. */
export interface MovedCompanyLink extends CompanyLink {
  readonly fromContactId: string;
}

/** Exactly what a merge keeps and moves. */
export interface ContactMergePlan {
  readonly survivorId: string;
  readonly mergedIds: readonly string[];
  /** The survivor's fields after the merge. */
  readonly result: MergeableFields;
  /** Identities of the merged contacts, all moved to the survivor. */
  readonly identityIds: readonly string[];
  /** Links to companies the survivor is not yet linked to (the first merged contact's role). */
  readonly companyLinks: readonly MovedCompanyLink[];
  /** Merged contacts' links to companies already linked (the survivor's role stays). */
  readonly companyLinksDropped: number;
  readonly timelineEntries: number;
  readonly orders: number;
  readonly engagementEvents: number;
  readonly noteVersions: number;
  readonly mentionsAuthored: number;
}

const blank = (value: string | null) => value === null || value.trim() === '';

/** The first non-blank value: the survivor's, else the merged contacts' in the order given. */
function firstFilled(values: ReadonlyArray<string | null>): string | null {
  return values.find((value) => !blank(value)) ?? null;
}

/** Every value once, in order of first appearance. */
const union = (lists: ReadonlyArray<readonly string[]>): string[] => [...new Set(lists.flat())];

/** The most recent decision (a granted flag set), the earlier contact on a tie; else the survivor's. */
function latestDecision(decisions: readonly ConsentDecision[]): ConsentDecision {
  const taken = decisions.filter((decision) => decision.granted !== null);
  const time = (decision: ConsentDecision) =>
    decision.at === null ? Number.NEGATIVE_INFINITY : Date.parse(decision.at);
  return (
    taken.reduce<ConsentDecision | undefined>(
      (best, decision) => (best === undefined || time(decision) > time(best) ? decision : best),
      undefined,
    ) ?? (decisions[0] as ConsentDecision)
  );
}

/**
 * The stage furthest along in the domain's lifecycle order (`LIFECYCLE_STAGES`: subscriber
 * … advocate, then churned, a former customer); an unknown stage counts as before all.
 */
function furthestStage(stages: readonly string[]): string {
  const rank = (stage: string) => LIFECYCLE_STAGES.indexOf(stage as never);
  return stages.reduce((best, stage) => (rank(stage) > rank(best) ? stage : best));
}

/**
 * The plan of merging `merged` into `survivor`: the survivor's values win; a blank one is
 * filled from the merged contacts in the order given; emails, phones and tags are unioned
 * (the survivor's first); each consent takes the most recent decision; custom fields are the
 * survivor's, then the others' keys it lacks, in order; the lifecycle stage is the furthest
 * along. Identities, timeline entries (with note versions), orders and engagement events all
 * move; company links move unless the survivor (or an earlier merged contact) is already
 * linked to that company.
 */
export function planContactMerge(
  survivor: MergeCandidate,
  merged: readonly MergeCandidate[],
): ContactMergePlan {
  const all = [survivor, ...merged];
  const filled = (field: keyof MergeableFields) =>
    firstFilled(all.map((contact) => contact[field] as string | null));
  const customFields: Record<string, string> = {};
  for (const contact of [...all].reverse()) Object.assign(customFields, contact.customFields);
  const linked = new Set(survivor.companyLinks.map((link) => link.companyId));
  const companyLinks: MovedCompanyLink[] = [];
  let companyLinksDropped = 0;
  for (const contact of merged)
    for (const link of contact.companyLinks) {
      if (linked.has(link.companyId)) companyLinksDropped += 1;
      else {
        linked.add(link.companyId);
        companyLinks.push({
          companyId: link.companyId,
          role: link.role,
          fromContactId: contact.id,
        });
      }
    }
  const total = (count: (contact: MergeCandidate) => number) =>
    merged.reduce((sum, contact) => sum + count(contact), 0);
  return {
    survivorId: survivor.id,
    mergedIds: merged.map((contact) => contact.id),
    result: {
      displayName: survivor.displayName,
      firstName: filled('firstName'),
      lastName: filled('lastName'),
      emails: union(all.map((contact) => contact.emails)),
      phones: union(all.map((contact) => contact.phones)),
      language: filled('language'),
      country: filled('country'),
      city: filled('city'),
      tags: union(all.map((contact) => contact.tags)),
      ownerId: filled('ownerId'),
      lifecycleStage: furthestStage(all.map((contact) => contact.lifecycleStage)),
      emailConsent: latestDecision(all.map((contact) => contact.emailConsent)),
      socialConsent: latestDecision(all.map((contact) => contact.socialConsent)),
      customFields,
      externalId: filled('externalId'),
    },
    identityIds: merged.flatMap((contact) => contact.identityIds),
    companyLinks,
    companyLinksDropped,
    timelineEntries: total((contact) => contact.timelineEntries),
    orders: total((contact) => contact.orders),
    engagementEvents: total((contact) => contact.engagementEvents),
    noteVersions: total((contact) => contact.noteVersions),
    mentionsAuthored: total((contact) => contact.mentionsAuthored),
  };
}
