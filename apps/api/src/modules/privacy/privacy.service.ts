import { eraseContactReasonSchema } from '@socialcrm/validation';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { eraseContact } from './contact-erasure.js';
import { personalData, type RowCounts } from './personal-data.js';
import { PrivacyRequestKind, type PrivacyRequestType } from './privacy.type.js';

const COLUMNS = `id, kind, contact_id AS "contactId", requested_by AS "requestedBy", requested_at AS "requestedAt",
  reason, counts`;

type StoredRequest = Omit<PrivacyRequestType, 'counts'> & { counts: RowCounts };

/** A data subject's requests: a copy of everything held, or erasure; each one logged. */
export class PrivacyService {
  /** Everything held about the contact, as one JSON document; the hand-out is logged. */
  async exportContactData(op: Operation, contactId: string): Promise<string> {
    const id = requireId(contactId, 'contactId');
    const found = await personalData(op, id);
    if (!found) throw notFound('Contact');
    await this.record(op, PrivacyRequestKind.EXPORT, id, null, found.counts);
    return found.document;
  }

  /** Erases the contact (see contact-erasure.ts) and logs it, in one transaction. */
  async erase(op: Operation, contactId: string, reason: string): Promise<PrivacyRequestType> {
    const id = requireId(contactId, 'contactId');
    const why = parseInput(eraseContactReasonSchema, reason, 'reason');
    const counts = await eraseContact(op, id);
    if (!counts) throw notFound('Contact');
    return this.record(op, PrivacyRequestKind.ERASURE, id, why, counts);
  }

  async list(
    op: Operation,
    first: number,
    after?: string | null,
  ): Promise<Page<PrivacyRequestType>> {
    const size = checkPageSize(first);
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const rows: StoredRequest[] = await manager.query(
      `SELECT ${COLUMNS} FROM privacy_request WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2)
       ORDER BY id DESC LIMIT $3`,
      [tenantId, after ? decodeCursor(after).id : null, size + 1],
    );
    const [{ count }] = await manager.query(
      'SELECT count(*)::int AS count FROM privacy_request WHERE tenant_id = $1',
      [tenantId],
    );
    return toPage(rows.map(view), size, count);
  }

  private async record(
    op: Operation,
    kind: PrivacyRequestKind,
    contactId: string,
    reason: string | null,
    counts: RowCounts,
  ): Promise<PrivacyRequestType> {
    const { userId } = await op.access();
    const rows: StoredRequest[] = await (await op.manager()).query(
      `INSERT INTO privacy_request (tenant_id, id, kind, contact_id, requested_by, reason, counts)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb) RETURNING ${COLUMNS}`,
      [await op.tenantId(), newId(), kind, contactId, userId, reason, JSON.stringify(counts)],
    );
    return view(rows[0] as StoredRequest);
  }
}

function view(row: StoredRequest): PrivacyRequestType {
  return {
    ...row,
    counts: Object.entries(row.counts)
      .map(([table, rows]) => ({ table, rows }))
      .sort((x, y) => x.table.localeCompare(y.table)),
  };
}
