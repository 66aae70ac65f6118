import {
  type ContactPatchRecord,
  contactInputSchema,
  contactPatchSchema,
  deriveDisplayName,
  normalisePhones,
} from '@socialcrm/validation';
import { z } from 'zod';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import {
  badUserInput,
  conflict,
  type FieldProblem,
  notFound,
} from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { CustomFields } from '../custom-fields/index.js';
import { TimelineCause, TimelineEventKind, type TimelineService } from '../timeline/index.js';
import type { ContactInput, ContactPatch } from './contact-inputs.js';
import { ownerProblem } from './contact-owner.js';

export const BULK_IDS_MAX = 1000;

const idsSchema = z.array(z.uuid('is not a valid id')).min(1, 'is required').max(BULK_IDS_MAX);
const tagListSchema = z.array(z.string().trim().min(1).max(50)).max(50);

/** The stored fields a write compares and sets. */
interface StoredContact {
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
  emailConsent: boolean | null;
  emailConsentSource: string | null;
  socialConsent: boolean | null;
  socialConsentSource: string | null;
  customFields: Record<string, string>;
  externalId: string | null;
  gender: string | null;
  /** YYYY-MM-DD. */
  birthDate: string | null;
}

const STORED = `display_name AS "displayName", first_name AS "firstName", last_name AS "lastName", emails, phones,
  language, country, city, tags, owner_id AS "ownerId", email_consent AS "emailConsent",
  email_consent_source AS "emailConsentSource", social_consent AS "socialConsent",
  social_consent_source AS "socialConsentSource", custom_fields AS "customFields", external_id AS "externalId",
  gender, birth_date::text AS "birthDate"`;

const EMPTY: StoredContact = {
  displayName: '',
  firstName: null,
  lastName: null,
  emails: [],
  phones: [],
  language: null,
  country: null,
  city: null,
  tags: [],
  ownerId: null,
  emailConsent: null,
  emailConsentSource: null,
  socialConsent: null,
  socialConsentSource: null,
  customFields: {},
  externalId: null,
  gender: null,
  birthDate: null,
};

/** Creates, changes and removes contacts; every refused field is named in one answer. */
export class ContactWrites {
  constructor(
    private readonly customFields: CustomFields,
    private readonly timeline: TimelineService,
  ) {}

  async create(op: Operation, input: ContactInput): Promise<string> {
    const parsed = parseInput(contactInputSchema, input, 'input');
    const next = await this.resolve(op, EMPTY, parsed);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const id = newId();
    await uniqueExternalId(() =>
      manager.query(
        `INSERT INTO contact (tenant_id, id, display_name, first_name, last_name, emails, phones, language, country,
           city, tags, owner_id, lifecycle_stage, email_consent, email_consent_at, email_consent_source,
           social_consent, social_consent_at, social_consent_source, custom_fields, external_id, gender, birth_date)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14,
           CASE WHEN $14::boolean IS NULL THEN NULL ELSE now() END, $15, $16,
           CASE WHEN $16::boolean IS NULL THEN NULL ELSE now() END, $17, $18, $19, $20, $21)`,
        [
          tenantId,
          id,
          ...storedParams(next),
          parsed.lifecycleStage ?? 'lead',
          next.emailConsent,
          next.emailConsentSource,
          next.socialConsent,
          next.socialConsentSource,
          JSON.stringify(next.customFields),
          next.externalId,
          next.gender,
          next.birthDate,
        ],
      ),
    );
    return id;
  }

  async update(op: Operation, id: string, input: ContactPatch): Promise<void> {
    const patch = parseInput(contactPatchSchema, input, 'input');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [current]: StoredContact[] = await manager.query(
      `SELECT ${STORED} FROM contact WHERE tenant_id = $1 AND id = $2 FOR UPDATE`,
      [tenantId, requireId(id)],
    );
    if (!current) throw notFound('Contact');
    const next = await this.resolve(op, current, patch);
    const changed = (Object.keys(EMPTY) as (keyof StoredContact)[]).filter(
      (key) => JSON.stringify(current[key]) !== JSON.stringify(next[key]),
    );
    if (!changed.length) return;
    await uniqueExternalId(() =>
      manager.query(
        `UPDATE contact SET display_name = $3, first_name = $4, last_name = $5, emails = $6, phones = $7,
           language = $8, country = $9, city = $10, tags = $11, owner_id = $12,
           email_consent_at = CASE WHEN email_consent IS DISTINCT FROM $13 THEN now() ELSE email_consent_at END,
           email_consent = $13, email_consent_source = $14,
           social_consent_at = CASE WHEN social_consent IS DISTINCT FROM $15 THEN now() ELSE social_consent_at END,
           social_consent = $15, social_consent_source = $16,
           custom_fields = $17, external_id = $18, gender = $19, birth_date = $20, updated_at = now()
         WHERE tenant_id = $1 AND id = $2`,
        [
          tenantId,
          id,
          ...storedParams(next),
          next.emailConsent,
          next.emailConsentSource,
          next.socialConsent,
          next.socialConsentSource,
          JSON.stringify(next.customFields),
          next.externalId,
          next.gender,
          next.birthDate,
        ],
      ),
    );
    await this.recordEdits(op, [id], changed);
  }

  async delete(op: Operation, ids: readonly string[]): Promise<number> {
    const checked = parseInput(idsSchema, ids, 'ids');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [, affected]: [unknown, number] = await manager.query(
      'DELETE FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])',
      [tenantId, checked],
    );
    return affected;
  }

  /** Adds and removes tags on many contacts; answers how many changed. */
  async tag(
    op: Operation,
    ids: readonly string[],
    add: readonly string[],
    remove: readonly string[],
  ): Promise<number> {
    const checked = parseInput(idsSchema, ids, 'ids');
    const [adding, removing] = [
      parseInput(tagListSchema, add, 'add'),
      parseInput(tagListSchema, remove, 'remove'),
    ];
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [changed]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE contact c SET tags = t.tags, updated_at = now()
         FROM (SELECT id, ARRAY(SELECT DISTINCT tag FROM unnest(tags || $3::text[]) tag
                                 WHERE tag <> ALL ($4::text[]) ORDER BY tag) AS tags
                 FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])) t
        WHERE c.tenant_id = $1 AND c.id = t.id AND c.tags IS DISTINCT FROM t.tags
        RETURNING c.id`,
      [tenantId, checked, adding, removing],
    );
    await this.recordEdits(
      op,
      changed.map((row) => row.id),
      ['tags'],
    );
    return changed.length;
  }

  /** Gives many contacts an owner (or none); answers how many changed. */
  async assign(op: Operation, ids: readonly string[], ownerId: string | null): Promise<number> {
    const checked = parseInput(idsSchema, ids, 'ids');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    if (ownerId) {
      const problem = await ownerProblem(
        manager,
        tenantId,
        requireId(ownerId, 'ownerId'),
        'ownerId',
      );
      if (problem) throw badUserInput([problem]);
    }
    const [changed]: [Array<{ id: string }>, number] = await manager.query(
      `UPDATE contact SET owner_id = $3, updated_at = now()
        WHERE tenant_id = $1 AND id = ANY ($2::uuid[]) AND owner_id IS DISTINCT FROM $3
        RETURNING id`,
      [tenantId, checked, ownerId],
    );
    await this.recordEdits(
      op,
      changed.map((row) => row.id),
      ['ownerId'],
    );
    return changed.length;
  }

  /** An EDIT entry on each changed contact's timeline, naming the fields that changed. */
  private async recordEdits(
    op: Operation,
    contactIds: readonly string[],
    fields: readonly string[],
  ): Promise<void> {
    const { userId } = await op.access();
    await this.timeline.recordMany(
      op,
      contactIds.map((contactId) => ({
        contactId,
        kind: TimelineEventKind.EDIT,
        actorId: userId,
        cause: userId ? TimelineCause.USER : TimelineCause.API_KEY,
        data: { fields },
      })),
    );
  }

  /** The contact after a patch, checked as a whole: every refused field is named at once. */
  private async resolve(
    op: Operation,
    current: StoredContact,
    patch: ContactPatchRecord,
  ): Promise<StoredContact> {
    const problems: FieldProblem[] = [];
    const take = <K extends keyof StoredContact & keyof ContactPatchRecord>(
      key: K,
      fallback: StoredContact[K],
    ) => (patch[key] === undefined ? current[key] : ((patch[key] ?? fallback) as StoredContact[K]));
    const country = take('country', null);
    let phones = current.phones;
    if (patch.phones !== undefined) {
      const normalised = normalisePhones(patch.phones ?? [], country);
      phones = normalised.phones;
      for (const { index, message } of normalised.problems)
        problems.push({ field: `input.phones.${index}`, message, reason: 'PHONE' });
    }
    let customFields = current.customFields;
    if (patch.customFields) {
      const checked = await this.customFields.validate(op, 'CONTACT', {
        ...current.customFields,
        ...patch.customFields,
      });
      customFields = checked.values;
      for (const problem of checked.problems)
        problems.push({ ...problem, field: `input.${problem.field}` });
    } else if (current === EMPTY) {
      const checked = await this.customFields.validate(op, 'CONTACT', {});
      for (const problem of checked.problems)
        problems.push({ ...problem, field: `input.${problem.field}` });
    }
    const ownerId = take('ownerId', null);
    if (ownerId && ownerId !== current.ownerId) {
      const problem = await ownerProblem(
        await op.manager(),
        await op.tenantId(),
        ownerId,
        'input.ownerId',
      );
      if (problem) problems.push(problem);
    }
    const next: StoredContact = {
      ...current,
      firstName: take('firstName', null),
      lastName: take('lastName', null),
      emails: take('emails', []),
      phones,
      language: take('language', null),
      country,
      city: take('city', null),
      tags: take('tags', []),
      ownerId,
      customFields,
      externalId: take('externalId', null),
      gender: take('gender', null),
      birthDate: take('birthDate', null),
      ...consent('email', current, patch.emailConsent),
      ...consent('social', current, patch.socialConsent),
    };
    const displayName =
      patch.displayName === undefined && current.displayName
        ? current.displayName
        : deriveDisplayName({ ...next, displayName: patch.displayName });
    if (!displayName)
      problems.push({
        field: 'input.displayName',
        message: 'is required when the contact has no name, email or phone',
        reason: 'REQUIRED',
      });
    if (problems.length) throw badUserInput(problems);
    return { ...next, displayName: displayName as string };
  }
}

/** A consent flag and its source, changed only when the flag is given (the date follows in SQL). */
function consent(
  kind: 'email' | 'social',
  current: StoredContact,
  given: { granted: boolean; source?: string | null } | null | undefined,
): Partial<StoredContact> {
  if (!given) return {};
  const [flag, source] =
    kind === 'email'
      ? (['emailConsent', 'emailConsentSource'] as const)
      : (['socialConsent', 'socialConsentSource'] as const);
  if (current[flag] === given.granted) return {};
  return { [flag]: given.granted, [source]: given.source ?? 'USER' };
}

/** The columns every write sets, in their parameter order ($3…$12). */
function storedParams(contact: StoredContact): unknown[] {
  return [
    contact.displayName,
    contact.firstName,
    contact.lastName,
    contact.emails,
    contact.phones,
    contact.language,
    contact.country,
    contact.city,
    contact.tags,
    contact.ownerId,
  ];
}

async function uniqueExternalId<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw conflict('Another contact has this external id', 'input.externalId');
  }
}
