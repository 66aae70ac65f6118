import type { SegmentRule } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import { type TimelineEntry, TimelineEventKind, type TimelineService } from '../timeline/index.js';
import { segmentPredicate } from './segment-rules.js';

/** A segment as membership writes name it on the timeline. */
export interface SegmentRef {
  readonly id: string;
  readonly name: string;
}

/** A dynamic segment with the rule its members follow. */
export interface DynamicSegment extends SegmentRef {
  readonly rule: SegmentRule;
}

/** Who changed a membership: a user (static lists), else the system (rules). */
type Actor = Pick<TimelineEntry, 'actorId' | 'cause'>;

/** Timeline entries go in slices, so a refresh of a million stays within one statement's size. */
const TIMELINE_SLICE = 10_000;

/**
 * The one place memberships change: every entry and exit is written set-based and recorded on
 * the contact's timeline (SEGMENT_ENTERED / SEGMENT_LEFT, which the upkeep's triggers ignore,
 * so a refresh never calls for another).
 */
export class SegmentMembership {
  constructor(private readonly timeline: TimelineService) {}

  /**
   * Brings a dynamic segment's members in line with its rule, for every contact of the tenant
   * or only for `contactIds`: those the rule selects and are not members enter, members it no
   * longer selects (or that are erased) leave. Idempotent.
   */
  async follow(
    op: Operation,
    segment: DynamicSegment,
    contactIds: readonly string[] | null,
    now: Date,
  ): Promise<void> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const params: unknown[] = [tenantId, segment.id];
    if (contactIds) params.push(contactIds);
    const only = (column: string) => (contactIds ? `AND ${column} = ANY ($3::uuid[])` : '');
    const predicate = segmentPredicate(segment.rule, now, params.length + 1);
    const changes: Array<{ entered: boolean; contact_id: string }> = await manager.query(
      `WITH matching AS (
         SELECT sc.id FROM segment_contact sc WHERE sc.tenant_id = $1 ${only('sc.id')} AND ${predicate.sql}
       ), entered AS (
         INSERT INTO segment_member (tenant_id, segment_id, contact_id)
         SELECT $1, $2, m.id FROM matching m
         ON CONFLICT DO NOTHING RETURNING contact_id
       ), exited AS (
         DELETE FROM segment_member sm WHERE sm.tenant_id = $1 AND sm.segment_id = $2 ${only('sm.contact_id')}
           AND NOT EXISTS (SELECT 1 FROM matching m WHERE m.id = sm.contact_id)
         RETURNING contact_id
       )
       SELECT true AS entered, contact_id FROM entered
       UNION ALL SELECT false, contact_id FROM exited`,
      [...params, ...predicate.params],
    );
    await this.record(
      op,
      segment,
      changes.filter((change) => change.entered).map((change) => change.contact_id),
      changes.filter((change) => !change.entered).map((change) => change.contact_id),
      {},
    );
  }

  /** Adds contacts of the tenant to a static list; returns how many were not members yet. */
  async add(op: Operation, segment: SegmentRef, contactIds: readonly string[], actor: Actor) {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<{ contact_id: string }> = await manager.query(
      `INSERT INTO segment_member (tenant_id, segment_id, contact_id)
       SELECT $1, $2, c.id FROM contact c WHERE c.tenant_id = $1 AND c.id = ANY ($3::uuid[])
       ON CONFLICT DO NOTHING RETURNING contact_id`,
      [tenantId, segment.id, contactIds],
    );
    await this.record(
      op,
      segment,
      rows.map((row) => row.contact_id),
      [],
      actor,
    );
    return rows.length;
  }

  /** Removes contacts from a static list; returns how many were members. */
  async remove(op: Operation, segment: SegmentRef, contactIds: readonly string[], actor: Actor) {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<{ contact_id: string }> = await manager.query(
      // As a query of its own (TypeORM answers a bare DELETE with its row count beside the rows).
      `WITH removed AS (
         DELETE FROM segment_member WHERE tenant_id = $1 AND segment_id = $2 AND contact_id = ANY ($3::uuid[])
         RETURNING contact_id)
       SELECT contact_id FROM removed`,
      [tenantId, segment.id, contactIds],
    );
    await this.record(
      op,
      segment,
      [],
      rows.map((row) => row.contact_id),
      actor,
    );
    return rows.length;
  }

  private async record(
    op: Operation,
    segment: SegmentRef,
    entered: readonly string[],
    exited: readonly string[],
    actor: Actor,
  ): Promise<void> {
    const occurredAt = new Date();
    const entries = [
      ...entered.map((contactId) => ({ contactId, kind: TimelineEventKind.SEGMENT_ENTERED })),
      ...exited.map((contactId) => ({ contactId, kind: TimelineEventKind.SEGMENT_LEFT })),
    ].map(
      (entry): TimelineEntry => ({
        ...entry,
        ...actor,
        subjectId: segment.id,
        data: { segmentId: segment.id, segmentName: segment.name },
        occurredAt,
      }),
    );
    for (let start = 0; start < entries.length; start += TIMELINE_SLICE)
      await this.timeline.recordMany(op, entries.slice(start, start + TIMELINE_SLICE));
  }
}
