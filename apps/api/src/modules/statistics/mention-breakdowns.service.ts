import { netSentiment } from '@socialcrm/domain';
import type { Operation } from '../../platform/database/operation-scope.js';
import { MENTION_FROM } from '../mentions/index.js';
import type { MentionBreakdown, MentionSelection } from './mention-stats.type.js';
import { SENTIMENT_COUNTS, type SentimentCountsRow } from './sentiment-counts.js';

/** More groups than any tenant has channels, languages or tracked brands: only a bound. */
export const MAX_BREAKDOWN_ENTRIES = 100;

type BreakdownRow = SentimentCountsRow & { key: string; name: string | null };

/** The period's mentions grouped by channel, by language or by brand, with their polarity. */
export class MentionBreakdownService {
  byChannel(op: Operation, where: MentionSelection): Promise<MentionBreakdown[]> {
    return this.byColumn(op, where, 'm.channel');
  }

  byLanguage(op: Operation, where: MentionSelection): Promise<MentionBreakdown[]> {
    return this.byColumn(op, where, 'm.language');
  }

  /** A mention about several brands counts for each of them. */
  async byBrand(op: Operation, where: MentionSelection): Promise<MentionBreakdown[]> {
    const manager = await op.manager();
    const rows: BreakdownRow[] = await manager.query(
      `SELECT b.id::text AS key, b.name, ${SENTIMENT_COUNTS}
       FROM (SELECT m.sentiment_label, unnest(m.brand_ids) AS brand_id ${MENTION_FROM} WHERE ${where.sql}) m
       JOIN tracked_brand b ON b.tenant_id = $1 AND b.id = m.brand_id
       GROUP BY b.id, b.name ORDER BY mentions DESC, b.name LIMIT ${MAX_BREAKDOWN_ENTRIES}`,
      where.params,
    );
    return rows.map(toBreakdown);
  }

  private async byColumn(
    op: Operation,
    where: MentionSelection,
    column: 'm.channel' | 'm.language',
  ): Promise<MentionBreakdown[]> {
    const manager = await op.manager();
    const rows: BreakdownRow[] = await manager.query(
      `SELECT ${column} AS key, NULL AS name, ${SENTIMENT_COUNTS}
       ${MENTION_FROM}
       WHERE ${where.sql} GROUP BY 1 ORDER BY mentions DESC, key LIMIT ${MAX_BREAKDOWN_ENTRIES}`,
      where.params,
    );
    return rows.map(toBreakdown);
  }
}

function toBreakdown(row: BreakdownRow): MentionBreakdown {
  return { ...row, netSentiment: netSentiment(row) };
}
