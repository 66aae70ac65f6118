import { canonicalCustomValue } from '@socialcrm/validation';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import { parseInput } from '../../platform/graphql/validation.js';
import type { CustomFields } from '../custom-fields/index.js';
import { contactFilterSchema } from './contact-inputs.js';

/** A SQL condition on the contact aliased `c`, its parameters numbered from `firstParam`. */
export interface SqlCondition {
  readonly sql: string;
  readonly params: readonly unknown[];
}

/** What the list (and an export of it) selects: a search and a `ContactFilter`, both optional. */
export interface ContactSelectionInput {
  readonly search?: string | null;
  readonly filter?: unknown;
}

export const SEARCH_MAX = 200;

export const SEARCH_WORDS_MAX = 5;

/** Beyond every character in the "C" collation: `term < word + TERM_END` bounds a prefix. */
const TERM_END = '\u{10FFFF}';

/** The words of a search, lower-cased, at most five (the longest, the most selective). */
function searchWords(search: string | null | undefined): string[] {
  const text = search?.trim().toLowerCase() ?? '';
  if (text.length > SEARCH_MAX)
    throw badUserInput([
      {
        field: 'search',
        message: `must have at most ${SEARCH_MAX} characters`,
        reason: 'TOO_LONG',
      },
    ]);
  const words = [...new Set(text.split(/\s+/).filter(Boolean))];
  return words.sort((a, b) => b.length - a.length).slice(0, SEARCH_WORDS_MAX);
}

/**
 * Turns a search and a filter into one condition: the contacts list and the contacts export
 * select with it, so both answer the same rows. Each word of the search must start a term of
 * the contact's `search_document` (names, emails and their domains, phones, handles, company
 * names), read from `contact_search_term` by btree ranges, which row-level security allows
 * (it refuses a trigram index to LIKE, which is not leakproof). Custom conditions are
 * canonicalised as stored.
 */
export class ContactSelection {
  constructor(private readonly customFields: CustomFields) {}

  async condition(
    op: Operation,
    input: ContactSelectionInput,
    firstParam: number,
  ): Promise<SqlCondition> {
    const filter = parseInput(contactFilterSchema, input.filter ?? {}, 'filter');
    const params: unknown[] = [];
    const parts: string[] = [];
    const param = (value: unknown, cast: string) => {
      params.push(value);
      return `$${firstParam + params.length - 1}::${cast}`;
    };
    const words = searchWords(input.search);
    if (words.length) {
      // Each word starts a term of the contact (btree ranges: usable under row-level security).
      const tenant = param(await op.tenantId(), 'uuid');
      const matches = words.map(
        (word) => `SELECT t.contact_id FROM contact_search_term t WHERE t.tenant_id = ${tenant}
                   AND t.term >= ${param(word, 'text')} AND t.term < ${param(`${word}${TERM_END}`, 'text')}`,
      );
      parts.push(`c.id IN (${matches.join(' INTERSECT ')})`);
    }
    if (filter.tags?.length) parts.push(`c.tags && ${param(filter.tags, 'text[]')}`);
    if (filter.ownerId) parts.push(`c.owner_id = ${param(filter.ownerId, 'uuid')}`);
    if (filter.lifecycleStages?.length)
      parts.push(`c.lifecycle_stage = ANY (${param(filter.lifecycleStages, 'text[]')})`);
    if (filter.countries?.length)
      parts.push(`c.country = ANY (${param(filter.countries, 'bpchar[]')})`);
    if (filter.languages?.length)
      parts.push(`c.language = ANY (${param(filter.languages, 'text[]')})`);
    if (typeof filter.emailConsent === 'boolean')
      parts.push(`c.email_consent = ${param(filter.emailConsent, 'boolean')}`);
    if (filter.createdFrom)
      parts.push(`c.created_at >= ${param(filter.createdFrom, 'timestamptz')}`);
    if (filter.createdTo) parts.push(`c.created_at < ${param(filter.createdTo, 'timestamptz')}`);
    if (filter.companyId)
      parts.push(`EXISTS (SELECT 1 FROM contact_company cc WHERE cc.tenant_id = c.tenant_id
                   AND cc.contact_id = c.id AND cc.company_id = ${param(filter.companyId, 'uuid')})`);
    if (filter.channels?.length)
      parts.push(`EXISTS (SELECT 1 FROM social_identity si WHERE si.tenant_id = c.tenant_id
                   AND si.contact_id = c.id AND si.channel = ANY (${param(filter.channels, 'text[]')}))`);
    for (const [score, column] of [
      [filter.rfmRecency, 'rfm_r'],
      [filter.rfmFrequency, 'rfm_f'],
      [filter.engagementRecency, 'engagement_rfm_r'],
      [filter.engagementFrequency, 'engagement_rfm_f'],
    ] as const)
      if (score)
        parts.push(`EXISTS (SELECT 1 FROM contact_metrics cm WHERE cm.tenant_id = c.tenant_id
                     AND cm.contact_id = c.id AND cm.${column} = ${param(score, 'smallint')})`);
    if (filter.segmentId)
      parts.push(`EXISTS (SELECT 1 FROM segment_member sm WHERE sm.tenant_id = c.tenant_id
                   AND sm.contact_id = c.id AND sm.segment_id = ${param(filter.segmentId, 'uuid')})`);
    if (filter.custom?.length) {
      const wanted = await this.customConditions(op, filter.custom);
      parts.push(`c.custom_fields @> ${param(JSON.stringify(wanted), 'jsonb')}`);
    }
    return { sql: parts.length ? parts.join(' AND ') : 'true', params };
  }

  /** Each condition's value as stored, or a bad input naming it. */
  private async customConditions(
    op: Operation,
    conditions: readonly { key: string; equals: string }[],
  ): Promise<Record<string, string>> {
    const rules = new Map(
      (await this.customFields.rules(op, 'CONTACT')).map((rule) => [rule.key, rule]),
    );
    const wanted: Record<string, string> = {};
    conditions.forEach(({ key, equals }, index) => {
      const rule = rules.get(key);
      if (!rule)
        throw badUserInput([
          { field: `filter.custom.${index}.key`, message: 'is not a custom field of contacts' },
        ]);
      const value = canonicalCustomValue(rule, equals);
      if (!('value' in value))
        throw badUserInput([
          { field: `filter.custom.${index}.equals`, message: value.message, reason: value.reason },
        ]);
      wanted[key] = value.value;
    });
    return wanted;
  }
}
