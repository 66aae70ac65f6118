import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * CSV exports, written by their job into the database in chunks (any replica serves the
 * download; the file is never whole in one process's memory) with the run's progress; and the
 * privacy requests' audit log, which the api may only append to and read.
 */
export class DataExportPrivacy1765600000000 implements MigrationInterface {
  name = 'DataExportPrivacy1765600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE data_export (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        entity text NOT NULL CHECK (entity IN ('CONTACTS', 'COMPANIES', 'ORDERS')),
        search text,
        contact_filter jsonb,
        locale text NOT NULL CHECK (locale IN ('es', 'en', 'ru')),
        state text NOT NULL CHECK (state IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        failure text,
        attempts integer NOT NULL DEFAULT 0,
        total_rows integer,
        processed_rows integer NOT NULL DEFAULT 0,
        last_key uuid,
        chunk_count integer NOT NULL DEFAULT 0,
        byte_size bigint NOT NULL DEFAULT 0,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      COMMENT ON COLUMN data_export.last_key IS 'The checkpoint: the id of the last row written by a committed batch.';

      CREATE TABLE data_export_chunk (
        tenant_id uuid NOT NULL,
        export_id uuid NOT NULL,
        seq integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (tenant_id, export_id, seq),
        FOREIGN KEY (tenant_id, export_id) REFERENCES data_export (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE privacy_request (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        kind text NOT NULL CHECK (kind IN ('EXPORT', 'ERASURE')),
        contact_id uuid NOT NULL,
        requested_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        requested_at timestamptz NOT NULL DEFAULT now(),
        reason text,
        counts jsonb NOT NULL,
        PRIMARY KEY (tenant_id, id)
      );
      COMMENT ON TABLE privacy_request IS 'Audit log of privacy requests (append-only): no personal data beyond the contact id, which no longer resolves after an erasure.';
      CREATE INDEX privacy_request_contact_idx ON privacy_request (tenant_id, contact_id);
    `);
    for (const table of ['data_export', 'data_export_chunk', 'privacy_request'])
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ANY (app.tenant_ids()));
      `);
    // The audit log only grows: the api may append and read, never change or remove.
    await db.query(`
      GRANT SELECT, INSERT, UPDATE, DELETE ON data_export, data_export_chunk TO ${RUNTIME_ROLE};
      GRANT SELECT, INSERT ON privacy_request TO ${RUNTIME_ROLE};
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE privacy_request, data_export_chunk, data_export');
  }
}
