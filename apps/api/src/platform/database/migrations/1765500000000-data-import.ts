import type { MigrationInterface, QueryRunner } from 'typeorm';
import { RUNTIME_ROLE } from '../runtime-role.js';

/**
 * CSV imports: the uploaded file kept in the database in 1 MiB chunks (so any replica's job
 * can read it, and an interrupted run resumes from it), the run's state and progress
 * checkpoint, its row errors, and the column mappings a tenant saved per entity.
 */
export class DataImport1765500000000 implements MigrationInterface {
  name = 'DataImport1765500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE data_import (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        entity text NOT NULL CHECK (entity IN ('CONTACTS', 'COMPANIES', 'ORDERS', 'ENGAGEMENT_EVENTS')),
        file_name text NOT NULL,
        byte_size bigint NOT NULL,
        chunk_count integer NOT NULL,
        estimated_rows integer NOT NULL,
        state text NOT NULL CHECK (state IN ('UPLOADED', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
        encoding text NOT NULL,
        delimiter text NOT NULL,
        headers text[] NOT NULL,
        sample_rows jsonb NOT NULL,
        mapping jsonb NOT NULL,
        dry_run boolean NOT NULL DEFAULT false,
        warnings text[] NOT NULL DEFAULT '{}',
        failure text,
        attempts integer NOT NULL DEFAULT 0,
        processed_rows integer NOT NULL DEFAULT 0,
        imported_rows integer NOT NULL DEFAULT 0,
        failed_rows integer NOT NULL DEFAULT 0,
        total_rows integer,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        started_at timestamptz,
        finished_at timestamptz,
        PRIMARY KEY (tenant_id, id)
      );
      COMMENT ON COLUMN data_import.processed_rows IS 'The checkpoint: records of the file done (written or refused) by committed batches.';

      CREATE TABLE data_import_chunk (
        tenant_id uuid NOT NULL,
        import_id uuid NOT NULL,
        seq integer NOT NULL,
        bytes bytea NOT NULL,
        PRIMARY KEY (tenant_id, import_id, seq),
        FOREIGN KEY (tenant_id, import_id) REFERENCES data_import (tenant_id, id) ON DELETE CASCADE
      );
      -- Files are mostly text that compresses, but the chunks are read back whole and often.
      ALTER TABLE data_import_chunk ALTER COLUMN bytes SET STORAGE EXTERNAL;

      CREATE TABLE data_import_error (
        tenant_id uuid NOT NULL,
        import_id uuid NOT NULL,
        id uuid NOT NULL,
        row_number integer,
        line integer,
        column_name text,
        field text,
        message text NOT NULL,
        PRIMARY KEY (tenant_id, import_id, id),
        FOREIGN KEY (tenant_id, import_id) REFERENCES data_import (tenant_id, id) ON DELETE CASCADE
      );

      CREATE TABLE import_mapping (
        tenant_id uuid NOT NULL REFERENCES tenant (id) ON DELETE CASCADE,
        id uuid NOT NULL,
        entity text NOT NULL CHECK (entity IN ('CONTACTS', 'COMPANIES', 'ORDERS', 'ENGAGEMENT_EVENTS')),
        name text NOT NULL,
        mapping jsonb NOT NULL,
        created_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      );
      CREATE UNIQUE INDEX import_mapping_name_key ON import_mapping (tenant_id, entity, lower(name));
    `);
    for (const table of ['data_import', 'data_import_chunk', 'data_import_error', 'import_mapping'])
      await db.query(`
        ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY, FORCE ROW LEVEL SECURITY;
        CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ANY (app.tenant_ids()));
        GRANT SELECT, INSERT, UPDATE, DELETE ON ${table} TO ${RUNTIME_ROLE};
      `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE import_mapping, data_import_error, data_import_chunk, data_import');
  }
}
