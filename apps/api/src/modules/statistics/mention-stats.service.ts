import {
  type BrandVoice,
  type BucketUnit,
  detectMentionSpikes,
  influenceScore,
  netSentiment,
  shareOfVoice,
} from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';
import type { Operation } from '../../platform/database/operation-scope.js';
import { parseInput } from '../../platform/graphql/validation.js';
import {
  MENTION_FROM,
  type MentionFilter,
  type MentionFilterInput,
  mentionFilterSchema,
  mentionWhere,
} from '../mentions/index.js';
import type {
  BrandVoiceShare,
  MentionSelection,
  MentionStats,
  VolumePoint,
} from './mention-stats.type.js';
import { SENTIMENT_COUNTS, type SentimentCountsRow } from './sentiment-counts.js';
import {
  bucketStarts,
  bucketUnit,
  type StatsPeriod,
  type StatsPeriodInput,
  statsPeriodSchema,
} from './stats-period.js';

const TOP_AUTHORS = 10;

/** What a period comes to in one line: what the agency home shows of each tenant. */
export interface MentionHeadline {
  readonly volume: VolumePoint[];
  readonly shareOfVoice: BrandVoiceShare[];
  readonly ownShareByMentions: number | null;
  readonly netSentiment: number | null;
  readonly mentions: number;
}

/** Volume, sentiment, share of voice, top authors and spikes of a period, computed in PostgreSQL and the domain. */
export class MentionStatsService {
  async stats(
    op: Operation,
    periodInput: StatsPeriodInput,
    filterInput: MentionFilterInput | null,
  ): Promise<MentionStats> {
    const period = parseInput(statsPeriodSchema, periodInput, 'period');
    const filter = parseInput(mentionFilterSchema, filterInput ?? {}, 'filter');
    const selection = await this.selection(op, period, filter);
    const headline = await this.measure(op, period, selection);
    return {
      ...headline,
      alerts: headline.volume.filter((point) => point.spike),
      topAuthors: await this.topAuthors(await op.manager(), selection),
      selection,
    };
  }

  /** Volume per bucket, net sentiment and share of voice of a validated period. */
  async headline(
    op: Operation,
    period: StatsPeriod,
    filter: MentionFilter,
  ): Promise<MentionHeadline> {
    return this.measure(op, period, await this.selection(op, period, filter));
  }

  private async measure(
    op: Operation,
    period: StatsPeriod,
    where: MentionSelection,
  ): Promise<MentionHeadline> {
    const unit = bucketUnit(period.bucket);
    const manager = await op.manager();
    const volume = await this.volume(
      manager,
      where,
      unit,
      bucketStarts(period.from, period.to, unit),
    );
    const voices = await this.voices(manager, where);
    const sov = shareOfVoice(
      voices.map((v) => ({ brand: v.brandId, own: v.own, mentions: v.mentions, reach: v.reach })),
    );
    const totals = volume.reduce(
      (sum, point) => ({
        mentions: sum.mentions + point.mentions,
        positive: sum.positive + point.positive,
        negative: sum.negative + point.negative,
        neutral: sum.neutral + point.neutral,
      }),
      { mentions: 0, positive: 0, negative: 0, neutral: 0 },
    );
    return {
      volume,
      shareOfVoice: voices.map((voice, index) => ({
        ...voice,
        shareByMentions: sov.brands[index]?.byMentions ?? null,
        shareByReach: sov.brands[index]?.byReach ?? null,
      })),
      ownShareByMentions: sov.own.byMentions,
      netSentiment: netSentiment(totals),
      mentions: totals.mentions,
    };
  }

  /** The operation's tenant's mentions that the filter and the period admit. */
  private async selection(
    op: Operation,
    period: StatsPeriod,
    filter: MentionFilter,
  ): Promise<MentionSelection> {
    return mentionWhere(await op.tenantId(), { ...filter, from: period.from, to: period.to });
  }

  private async volume(
    manager: EntityManager,
    where: MentionSelection,
    unit: BucketUnit,
    buckets: Date[],
  ): Promise<VolumePoint[]> {
    const rows: Array<SentimentCountsRow & { bucket: Date; reach: number }> = await manager.query(
      `SELECT date_trunc('${unit}', m.published_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket,
              ${SENTIMENT_COUNTS},
              coalesce(sum(m.reach), 0)::float8 AS reach
       ${MENTION_FROM}
       WHERE ${where.sql} GROUP BY 1`,
      where.params,
    );
    const byBucket = new Map(rows.map((row) => [row.bucket.getTime(), row]));
    const voiceByBucket = await this.voicesByBucket(manager, where, unit);
    const points = buckets.map((start) => {
      const row = byBucket.get(start.getTime());
      const counts = {
        positive: row?.positive ?? 0,
        neutral: row?.neutral ?? 0,
        negative: row?.negative ?? 0,
      };
      const own = shareOfVoice(voiceByBucket.get(start.getTime()) ?? []).own;
      return {
        bucketStart: start,
        mentions: row?.mentions ?? 0,
        reach: row?.reach ?? 0,
        ...counts,
        netSentiment: netSentiment(counts),
        ownShareByMentions: own.byMentions,
        ownShareByReach: own.byReach,
        spike: false,
      };
    });
    const spikes = detectMentionSpikes(points.map((point) => point.mentions));
    return points.map((point, index) => ({ ...point, spike: spikes[index]?.isSpike ?? false }));
  }

  /** Own brands against competitors per bucket: the voices `shareOfVoice` weighs. */
  private async voicesByBucket(manager: EntityManager, where: MentionSelection, unit: BucketUnit) {
    const rows: Array<{ bucket: Date; own: boolean; mentions: number; reach: number }> =
      await manager.query(
        `SELECT date_trunc('${unit}', m.published_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket,
              b.kind = 'OWN' AS own, count(*)::int AS mentions, coalesce(sum(m.reach), 0)::float8 AS reach
       FROM (SELECT m.published_at, m.reach, unnest(m.brand_ids) AS brand_id ${MENTION_FROM} WHERE ${where.sql}) m
       JOIN tracked_brand b ON b.tenant_id = $1 AND b.id = m.brand_id
       GROUP BY 1, 2`,
        where.params,
      );
    const voices = new Map<number, BrandVoice[]>();
    for (const row of rows) {
      const bucket = voices.get(row.bucket.getTime()) ?? [];
      bucket.push({
        brand: row.own ? 'own' : 'competitors',
        own: row.own,
        mentions: row.mentions,
        reach: row.reach,
      });
      voices.set(row.bucket.getTime(), bucket);
    }
    return voices;
  }

  private async voices(manager: EntityManager, where: MentionSelection) {
    const rows: Array<{
      brand_id: string;
      name: string;
      kind: string;
      mentions: number;
      reach: number;
    }> = await manager.query(
      `SELECT b.id AS brand_id, b.name, b.kind, count(m.id)::int AS mentions, coalesce(sum(m.reach), 0)::float8 AS reach
       FROM tracked_brand b
       LEFT JOIN (
         SELECT m.id, m.reach, unnest(m.brand_ids) AS brand_id
         ${MENTION_FROM}
         WHERE ${where.sql}
       ) m ON m.brand_id = b.id
       WHERE b.tenant_id = $1 GROUP BY b.id, b.name, b.kind ORDER BY mentions DESC, b.name`,
      where.params,
    );
    return rows.map((row) => ({
      brandId: row.brand_id,
      name: row.name,
      own: row.kind === 'OWN',
      mentions: row.mentions,
      reach: row.reach,
    }));
  }

  private async topAuthors(manager: EntityManager, where: MentionSelection) {
    const rows: Array<{
      id: string;
      channel: string;
      handle: string;
      display_name: string | null;
      followers: number | null;
      mentions: number;
      reach: number;
    }> = await manager.query(
      `SELECT a.id, a.channel, a.handle, a.display_name, a.followers, count(*)::int AS mentions, coalesce(sum(m.reach), 0)::float8 AS reach
         FROM mention m JOIN social_identity a ON a.tenant_id = m.tenant_id AND a.id = m.author_identity_id
         WHERE ${where.sql} GROUP BY a.tenant_id, a.id ORDER BY reach DESC, mentions DESC LIMIT ${TOP_AUTHORS}`,
      where.params,
    );
    return rows
      .map((row) => ({
        identity: {
          id: row.id,
          channel: row.channel as never,
          handle: row.handle,
          displayName: row.display_name,
          followers: row.followers,
        },
        mentions: row.mentions,
        reach: row.reach,
        influence: influenceScore({
          audienceSize: row.followers ?? 0,
          engagementRate: 0,
          reach: row.reach,
          centrality: 0,
        }).score,
      }))
      .sort((a, b) => b.influence - a.influence);
  }
}
