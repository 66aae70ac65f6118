import { referralChainValue } from '@socialcrm/domain';
import { referralInputSchema } from '@socialcrm/validation';
import type { EntityManager } from 'typeorm';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import type { RecordReferralInput, ReferralType, ReferralValueType } from './advocacy.type.js';
import {
  closesCycle,
  contactNames,
  loadReferralGraph,
  lockReferrals,
  revenueOf,
} from './referral-graph.js';

const REFERRAL_COLUMNS = `r.id, r.referred_at AS "referredAt", r.source, r.created_at AS "createdAt",
  json_build_object('id', r.referrer_id, 'displayName', a.display_name) AS referrer,
  json_build_object('id', r.referred_id, 'displayName', b.display_name) AS referred`;
const REFERRAL_FROM = `referral r
  JOIN contact a ON a.tenant_id = r.tenant_id AND a.id = r.referrer_id
  JOIN contact b ON b.tenant_id = r.tenant_id AND b.id = r.referred_id`;

/** Why a referral cannot be recorded (words and a reason code for the admin), or null. */
export function referralProblem(
  referrerOf: ReadonlyMap<string, string>,
  referrerId: string,
  referredId: string,
): { message: string; reason: string } | null {
  if (referrerId === referredId)
    return { message: 'must not be the referrer', reason: 'SELF_REFERRAL' };
  if (referrerOf.has(referredId))
    return { message: 'already has a referrer', reason: 'ALREADY_REFERRED' };
  if (closesCycle(referrerOf, referrerId, referredId))
    return { message: 'would close a referral cycle', reason: 'REFERRAL_CYCLE' };
  return null;
}

/** Who referred whom: recorded by hand, listed, and valued along the chain. */
export class ReferralService {
  async record(op: Operation, input: RecordReferralInput): Promise<ReferralType> {
    const referral = parseInput(referralInputSchema, input, 'input');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const names = await contactNames(manager, tenantId, [referral.referrerId, referral.referredId]);
    const missing = (['referrerId', 'referredId'] as const).filter((f) => !names.has(referral[f]));
    if (missing.length)
      throw badUserInput(
        missing.map((f) => ({
          field: `input.${f}`,
          message: 'is not a contact',
          reason: 'NOT_A_CONTACT',
        })),
      );
    await lockReferrals(manager, tenantId);
    const referrerOf = await referrerMap(manager, tenantId);
    const problem = referralProblem(referrerOf, referral.referrerId, referral.referredId);
    if (problem) throw badUserInput([{ field: 'input.referredId', ...problem }]);
    const id = newId();
    await manager.query(
      `INSERT INTO referral (tenant_id, id, referrer_id, referred_id, referred_at, source, created_by)
       VALUES ($1, $2, $3, $4, coalesce($5, now()), $6, $7)`,
      [
        tenantId,
        id,
        referral.referrerId,
        referral.referredId,
        referral.referredAt ?? null,
        referral.source ?? null,
        (await op.access()).userId,
      ],
    );
    return this.get(manager, tenantId, id);
  }

  async delete(op: Operation, id: string): Promise<string> {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [rows] = await manager.query(
      'DELETE FROM referral WHERE tenant_id = $1 AND id = $2 RETURNING id',
      [tenantId, requireId(id)],
    );
    if (!rows?.length) throw notFound('Referral');
    return id;
  }

  async page(
    op: Operation,
    first: number,
    after: string | null,
    contactId: string | null,
  ): Promise<Page<ReferralType>> {
    checkPageSize(first);
    const cursor = after ? decodeCursor(after).id : null;
    const contact = contactId ? requireId(contactId, 'contactId') : null;
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const matches = `r.tenant_id = $1 AND ($2::uuid IS NULL OR $2 IN (r.referrer_id, r.referred_id))`;
    const rows: Array<ReferralType & { total: number }> = await manager.query(
      `SELECT ${REFERRAL_COLUMNS}, (SELECT count(*) FROM referral r WHERE ${matches})::int AS total
       FROM ${REFERRAL_FROM}
       WHERE ${matches} AND ($3::uuid IS NULL OR r.id < $3)
       ORDER BY r.id DESC LIMIT $4`,
      [tenantId, contact, cursor, first + 1],
    );
    return toPage(rows, first, rows[0]?.total ?? 0);
  }

  /** The revenue the contact's chain brought, by the domain's `referralChainValue`. */
  async value(op: Operation, contactId: string): Promise<ReferralValueType> {
    const id = requireId(contactId, 'contactId');
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const names = await contactNames(manager, tenantId, [id]);
    if (!names.has(id)) throw notFound('Contact');
    const [value] = await this.values(manager, tenantId, [id]);
    if (!value) throw notFound('Contact');
    return { ...value, contact: { id, displayName: names.get(id) ?? '' } };
  }

  /** Referrers ranked by the total revenue their chains brought, then by direct referrals. */
  async leaderboard(op: Operation, first: number): Promise<ReferralValueType[]> {
    checkPageSize(first);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const graph = await loadReferralGraph(manager, tenantId);
    const referrers = [...new Set(graph.map((edge) => edge.referrerId))];
    const values = await this.values(manager, tenantId, referrers, graph);
    const ranked = values
      .sort(
        (a, b) =>
          b.totalRevenue - a.totalRevenue ||
          b.directReferrals - a.directReferrals ||
          a.contact.id.localeCompare(b.contact.id),
      )
      .slice(0, first);
    const names = await contactNames(
      manager,
      tenantId,
      ranked.map((v) => v.contact.id),
    );
    return ranked.map((v) => ({
      ...v,
      contact: { id: v.contact.id, displayName: names.get(v.contact.id) ?? '' },
    }));
  }

  private async values(
    manager: EntityManager,
    tenantId: string,
    contactIds: readonly string[],
    graph?: Awaited<ReturnType<typeof loadReferralGraph>>,
  ): Promise<ReferralValueType[]> {
    const edges = graph ?? (await loadReferralGraph(manager, tenantId));
    const revenue = await revenueOf(
      manager,
      tenantId,
      edges.map((edge) => edge.referredId),
    );
    return contactIds.map((id) => {
      const chain = referralChainValue(id, edges, revenue);
      return {
        contact: { id, displayName: '' },
        directReferrals: chain.levels[0]?.contacts.length ?? 0,
        directRevenue: chain.directRevenue,
        indirectRevenue: chain.indirectRevenue,
        totalRevenue: chain.totalRevenue,
        depth: chain.depth,
        levels: chain.levels.map((level) => ({
          depth: level.depth,
          contacts: level.contacts.length,
          revenue: level.revenue,
        })),
      };
    });
  }

  private async get(manager: EntityManager, tenantId: string, id: string): Promise<ReferralType> {
    const [row] = await manager.query(
      `SELECT ${REFERRAL_COLUMNS} FROM ${REFERRAL_FROM} WHERE r.tenant_id = $1 AND r.id = $2`,
      [tenantId, id],
    );
    return row;
  }
}

/** The referrer of every referred contact of the tenant. */
export async function referrerMap(
  manager: EntityManager,
  tenantId: string,
): Promise<Map<string, string>> {
  const graph = await loadReferralGraph(manager, tenantId);
  return new Map(graph.map((edge) => [edge.referredId, edge.referrerId]));
}
