import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The companies list: its search finds a text within names and domains (trigram indexes, as
 * the contacts' search), and its newest-first order reads a keyset index.
 */
export class CompanyReading1765250000000 implements MigrationInterface {
  name = 'CompanyReading1765250000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE INDEX company_name_search_idx ON company USING gin (name gin_trgm_ops);
      CREATE INDEX company_domain_search_idx ON company USING gin (domain gin_trgm_ops);
      CREATE INDEX company_created_idx ON company (tenant_id, created_at, id);
    `);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`
      DROP INDEX company_created_idx;
      DROP INDEX company_domain_search_idx;
      DROP INDEX company_name_search_idx;
    `);
  }
}
