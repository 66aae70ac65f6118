import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * Customer value fits: each run of BG/NBD and Gamma–Gamma on a tenant's orders, with what it
 * was asked (calibration end, horizon, discount rate, margin), what it estimated, what it set
 * aside and the fit check (actual against predicted repeat transactions, week by week).
 */
export class CustomerValue1765730000000 implements MigrationInterface {
  name = 'CustomerValue1765730000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE clv_fit (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        state text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        calibration_end date NOT NULL,
        horizon_months integer NOT NULL CHECK (horizon_months BETWEEN 1 AND 120),
        annual_discount_rate numeric(6, 4) NOT NULL CHECK (annual_discount_rate BETWEEN 0 AND 1),
        margin numeric(5, 4) NOT NULL CHECK (margin > 0 AND margin <= 1),
        bg_nbd jsonb,
        gamma_gamma jsonb,
        customers_used integer,
        spend_customers_used integer,
        customers_set_aside integer,
        orders_set_aside integer,
        spend_customers_set_aside integer,
        contacts_scored integer,
        fit_check jsonb,
        failure text,
        requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      CREATE INDEX clv_fit_recent_idx ON clv_fit (tenant_id, requested_at DESC);
      ALTER TABLE clv_fit ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
      CREATE POLICY tenant_isolation ON clv_fit USING (tenant_id = ANY (app.tenant_ids()));
      GRANT SELECT, INSERT, UPDATE ON clv_fit TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE clv_fit');
  }
}
