import { type EngagementRecord, engagementEventSchema } from '@socialcrm/validation';
import type { EntityManager } from 'typeorm';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import type {
  ImportCause,
  ImportField,
  ImportTarget,
  RowOutcome,
} from '../../platform/import/import-target.js';
import { TimelineEventKind, type TimelineService } from '../timeline/index.js';
import { resolveContacts } from './contact-references.js';
import {
  acceptInserted,
  acceptStored,
  BatchOutcomes,
  type Checked,
  TIMELINE_CAUSE_OF,
} from './record-batch.js';

/** The columns a CSV file's email events can fill. */
const ENGAGEMENT_FIELDS: readonly ImportField[] = [
  { key: 'externalId', label: 'Event id', required: true, type: 'TEXT' },
  {
    key: 'kind',
    label: 'Event (sent, opened, clicked, bounced, unsubscribed)',
    required: true,
    type: 'ONE_OF',
  },
  { key: 'contactExternalId', label: 'Customer id', required: false, type: 'TEXT' },
  { key: 'contactEmail', label: 'Customer email', required: false, type: 'TEXT' },
  { key: 'contactId', label: 'Contact id (CRM)', required: false, type: 'TEXT' },
  { key: 'campaign', label: 'Campaign', required: false, type: 'TEXT' },
  { key: 'url', label: 'Clicked URL', required: false, type: 'TEXT' },
  { key: 'occurredAt', label: 'When', required: true, type: 'DATETIME' },
];

interface NewEvent extends Checked<EngagementRecord> {
  readonly id: string;
  readonly contactId: string;
}

const INSERT_EVENTS = `INSERT INTO engagement_event (tenant_id, id, external_id, contact_id, kind, campaign, url, occurred_at)
  SELECT $1, * FROM unnest($2::uuid[], $3::text[], $4::uuid[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
  ON CONFLICT (tenant_id, external_id) DO NOTHING
  RETURNING id`;

/**
 * An unsubscribe withdraws the contact's email consent, unless a later consent (or
 * withdrawal) is already recorded: a late-delivered old event does not override it.
 */
const WITHDRAW_EMAIL_CONSENT = `UPDATE contact c
  SET email_consent = false, email_consent_at = u.at, email_consent_source = 'unsubscribe', updated_at = now()
  FROM (SELECT contact_id, max(at) AS at FROM unnest($2::uuid[], $3::timestamptz[]) AS u(contact_id, at)
        GROUP BY contact_id) u
  WHERE c.tenant_id = $1 AND c.id = u.contact_id
    AND (c.email_consent_at IS NULL OR c.email_consent_at <= u.at)`;

/**
 * Email engagement events in (sent, opened, clicked, bounced, unsubscribed), from GraphQL,
 * NDJSON and CSV alike: idempotent on the external id, each new one an EMAIL_* entry on the
 * contact's timeline (channel EMAIL); an unsubscribe also withdraws the email consent.
 */
export class EngagementWriter implements ImportTarget {
  readonly entity = 'ENGAGEMENT_EVENTS' as const;

  constructor(private readonly timeline: TimelineService) {}

  async fields(): Promise<readonly ImportField[]> {
    return ENGAGEMENT_FIELDS;
  }

  async writeBatch(
    op: Operation,
    rows: readonly Readonly<Record<string, unknown>>[],
    { dryRun, cause }: { readonly dryRun: boolean; readonly cause: ImportCause },
  ): Promise<RowOutcome[]> {
    const batch = new BatchOutcomes(engagementEventSchema, rows);
    if (!batch.firsts.length) return batch.finish();
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    await acceptStored(manager, 'engagement_event', tenantId, batch);
    const pending = batch.pending();
    const contacts = await resolveContacts(
      manager,
      tenantId,
      pending.map(({ record }) => record),
      dryRun,
    );
    const events: NewEvent[] = [];
    pending.forEach((event, at) => {
      const contact = contacts[at];
      if (contact && 'problem' in contact) batch.refuse(event.index, contact.problem);
      else if (contact) events.push({ ...event, id: newId(), contactId: contact.contactId });
    });
    if (dryRun) for (const event of events) batch.accept(event.index, event.id, true);
    else await this.insert(op, manager, tenantId, events, batch, cause);
    return batch.finish();
  }

  private async insert(
    op: Operation,
    manager: EntityManager,
    tenantId: string,
    events: readonly NewEvent[],
    batch: BatchOutcomes<EngagementRecord>,
    cause: ImportCause,
  ): Promise<void> {
    if (!events.length) return;
    const column = <T>(pick: (event: NewEvent) => T) => events.map(pick);
    const inserted: Array<{ id: string }> = await manager.query(INSERT_EVENTS, [
      tenantId,
      column((event) => event.id),
      column((event) => event.record.externalId),
      column((event) => event.contactId),
      column((event) => event.record.kind),
      column((event) => event.record.campaign ?? null),
      column((event) => event.record.url ?? null),
      column((event) => event.record.occurredAt),
    ]);
    const written = await acceptInserted(
      manager,
      'engagement_event',
      tenantId,
      batch,
      events,
      new Set(inserted.map((row) => row.id)),
    );
    const unsubscribes = written.filter((event) => event.record.kind === 'UNSUBSCRIBED');
    if (unsubscribes.length)
      await manager.query(WITHDRAW_EMAIL_CONSENT, [
        tenantId,
        unsubscribes.map((event) => event.contactId),
        unsubscribes.map((event) => event.record.occurredAt),
      ]);
    const actorId = cause === 'USER' ? (await op.access()).userId : null;
    await this.timeline.recordMany(
      op,
      written.map((event) => ({
        contactId: event.contactId,
        kind: TimelineEventKind[`EMAIL_${event.record.kind}`],
        channel: 'EMAIL',
        cause: TIMELINE_CAUSE_OF[cause],
        actorId,
        subjectId: event.id,
        body: event.record.campaign ?? null,
        occurredAt: event.record.occurredAt,
        data: { campaign: event.record.campaign ?? null, url: event.record.url ?? null },
      })),
    );
  }
}
