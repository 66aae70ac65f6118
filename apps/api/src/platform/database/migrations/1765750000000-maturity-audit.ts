import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * CRM maturity audit: each assessment keeps the ratings as entered (a JSON array of
 * `{processId, existence, effectiveness}` over the domain's process catalogue) and is never
 * changed afterwards — the api may only read and add, so the history stays what was assessed.
 * The audit result is recomputed from the ratings by the domain on read.
 */
export class MaturityAudit1765750000000 implements MigrationInterface {
  name = 'MaturityAudit1765750000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE maturity_assessment (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        ratings jsonb NOT NULL CHECK (jsonb_typeof(ratings) = 'array'),
        note text CHECK (char_length(note) <= 2000),
        assessed_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        assessed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      COMMENT ON TABLE maturity_assessment IS 'CRM maturity assessments (append-only): ratings per catalogue process.';
      CREATE INDEX maturity_assessment_recent_idx ON maturity_assessment (tenant_id, assessed_at DESC, id DESC);
      ALTER TABLE maturity_assessment ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON maturity_assessment USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT ON maturity_assessment TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE maturity_assessment');
  }
}
