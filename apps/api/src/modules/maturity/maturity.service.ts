import type { ProcessRatingInput } from '@socialcrm/domain';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { badUserInput, notFound } from '../../platform/errors/app-error.js';
import { requireId } from '../../platform/graphql/validation.js';
import type { MaturityAssessmentType, RecordMaturityAssessmentInput } from './maturity.type.js';
import { auditOrRefuse, auditView } from './maturity-audit-view.js';

const MAX_NOTE = 2000;
const COLUMNS = `id, ratings, note, assessed_by AS "assessedBy", assessed_at AS "assessedAt"`;

interface AssessmentRow {
  id: string;
  ratings: ProcessRatingInput[];
  note: string | null;
  assessedBy: string | null;
  assessedAt: Date;
}

// Stored ratings were valid when recorded and the catalogue only grows by migration, so the
// audit is recomputed on read rather than stored twice.
const withAudit = (row: AssessmentRow): MaturityAssessmentType => ({
  ...row,
  audit: auditView(auditOrRefuse(row.ratings)),
});

/** CRM maturity assessments: recorded once (append-only), read back with their audit. */
export class MaturityService {
  async record(
    op: Operation,
    input: RecordMaturityAssessmentInput,
  ): Promise<MaturityAssessmentType> {
    const ratings = input.ratings.map((r) => ({
      processId: r.processId,
      existence: r.existence,
      effectiveness: r.effectiveness ?? null,
    }));
    auditOrRefuse(ratings);
    const note = input.note?.trim() || null;
    if (note && note.length > MAX_NOTE)
      throw badUserInput([
        {
          field: 'input.note',
          message: `must be at most ${MAX_NOTE} characters`,
          reason: 'TOO_LONG',
          params: { max: MAX_NOTE },
        },
      ]);
    const [manager, tenantId, { userId }] = [
      await op.manager(),
      await op.tenantId(),
      await op.access(),
    ];
    const [row] = (await manager.query(
      `INSERT INTO maturity_assessment (tenant_id, id, ratings, note, assessed_by)
       VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING ${COLUMNS}`,
      [tenantId, newId(), JSON.stringify(ratings), note, userId],
    )) as AssessmentRow[];
    return withAudit(row as AssessmentRow);
  }

  /** Newest first. */
  async list(op: Operation, first: number): Promise<MaturityAssessmentType[]> {
    if (!Number.isInteger(first) || first < 1 || first > 100)
      throw badUserInput([
        { field: 'first', message: 'must be from 1 to 100', reason: 'OUT_OF_RANGE' },
      ]);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows = (await manager.query(
      `SELECT ${COLUMNS} FROM maturity_assessment WHERE tenant_id = $1
       ORDER BY assessed_at DESC, id DESC LIMIT $2`,
      [tenantId, first],
    )) as AssessmentRow[];
    return rows.map(withAudit);
  }

  async get(op: Operation, id: string): Promise<MaturityAssessmentType> {
    const assessmentId = requireId(id);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [row] = (await manager.query(
      `SELECT ${COLUMNS} FROM maturity_assessment WHERE tenant_id = $1 AND id = $2`,
      [tenantId, assessmentId],
    )) as AssessmentRow[];
    if (!row) throw notFound('Maturity assessment');
    return withAudit(row);
  }

  async latest(op: Operation): Promise<MaturityAssessmentType | null> {
    const [row] = await this.list(op, 1);
    return row ?? null;
  }
}
