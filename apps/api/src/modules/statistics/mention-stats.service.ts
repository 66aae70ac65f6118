import {
  type BrandVoice,
  type BucketUnit,
  bucketStart,
  detectMentionSpikes,
  influenceScore,
  netSentiment,
  nextBucketStart,
  shareOfVoice,
} from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import { parseInput } from '../../platform/graphql/validation.js';
import {
  MENTION_FROM,
  type MentionFilterInput,
  mentionFilterSchema,
  mentionWhere,
} from '../mentions/index.js';
import {
  MAX_BUCKETS,
  type MentionStats,
  type StatsPeriodInput,
  statsPeriodSchema,
  type VolumePoint,
} from './mention-stats.type.js';

const TOP_AUTHORS = 10;

/** Volume, sentiment, share of voice, top authors and spikes of a period, computed in PostgreSQL and the domain. */
export class MentionStatsService {
  async stats(
    op: Operation,
    periodInput: StatsPeriodInput,
    filterInput: MentionFilterInput | null,
  ): Promise<MentionStats> {
    const period = parseInput(statsPeriodSchema, periodInput, 'period');
    const filter = parseInput(mentionFilterSchema, filterInput ?? {}, 'filter');
    const unit = period.bucket.toLowerCase() as BucketUnit;
    const buckets = bucketStarts(period.from, period.to, unit);
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const where = mentionWhere(tenantId, { ...filter, from: period.from, to: period.to });
    const volume = await this.volume(manager, where, unit, buckets);
    const voices = await this.voices(manager, where);
    const sov = shareOfVoice(
      voices.map((v) => ({ brand: v.brandId, own: v.own, mentions: v.mentions, reach: v.reach })),
    );
    const totals = volume.reduce(
      (sum, point) => ({
        positive: sum.positive + point.positive,
        negative: sum.negative + point.negative,
        neutral: sum.neutral + point.neutral,
      }),
      { positive: 0, negative: 0, neutral: 0 },
    );
    return {
      volume,
      alerts: volume.filter((point) => point.spike),
      shareOfVoice: voices.map((voice, index) => ({
        ...voice,
        shareByMentions: sov.brands[index]?.byMentions ?? null,
        shareByReach: sov.brands[index]?.byReach ?? null,
      })),
      ownShareByMentions: sov.own.byMentions,
      netSentiment: netSentiment(totals),
      topAuthors: await this.topAuthors(manager, where),
    };
  }

  private async volume(
    manager: EntityManager,
    where: { sql: string; params: unknown[] },
    unit: BucketUnit,
    buckets: Date[],
  ): Promise<VolumePoint[]> {
    const rows: Array<{
      bucket: Date;
      mentions: number;
      positive: number;
      neutral: number;
      negative: number;
      reach: number;
    }> = await manager.query(
      `SELECT date_trunc('${unit}', m.published_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS bucket,
              count(*)::int AS mentions,
              count(*) FILTER (WHERE m.sentiment_label = 'POSITIVE')::int AS positive,
              count(*) FILTER (WHERE m.sentiment_label = 'NEUTRAL')::int AS neutral,
              count(*) FILTER (WHERE m.sentiment_label = 'NEGATIVE')::int AS negative,
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
  private async voicesByBucket(
    manager: EntityManager,
    where: { sql: string; params: unknown[] },
    unit: BucketUnit,
  ) {
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

  private async voices(manager: EntityManager, where: { sql: string; params: unknown[] }) {
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

  private async topAuthors(manager: EntityManager, where: { sql: string; params: unknown[] }) {
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

function bucketStarts(from: Date, to: Date, unit: BucketUnit): Date[] {
  const starts: Date[] = [];
  for (let start = bucketStart(from, unit); start < to; start = nextBucketStart(start, unit)) {
    starts.push(start);
    if (starts.length > MAX_BUCKETS) {
      throw badUserInput([
        {
          field: 'period',
          message: `spans more than ${MAX_BUCKETS} buckets; choose a larger bucket`,
        },
      ]);
    }
  }
  return starts;
}
