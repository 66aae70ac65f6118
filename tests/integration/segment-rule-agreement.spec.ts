import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileSegmentRule } from '../../packages/domain/src/segments/compile-segment-rule.js';
import { evaluateSegmentRule } from '../../packages/domain/src/segments/evaluate-segment-rule.js';
import {
  SEGMENT_COLUMNS,
  SEGMENT_FIELDS,
} from '../../packages/domain/src/segments/segment-fields.js';
import {
  segmentContactArbitrary,
  segmentNowArbitrary,
  segmentRuleArbitrary,
} from '../../packages/domain/src/testing/segment-arbitraries.js';
import { createTestDatabase, dropTestDatabase } from '../support/databases.js';

const CONTACTS = 300;
const RULES = 1500;

// The segment compiler must select in PostgreSQL exactly the contacts the evaluator accepts,
// for random rules and records: counting and listing at scale rely on the one, live checks on
// the other. The session time zone is set away from UTC to show it does not matter.
describe('segment rules: compiled SQL agrees with the evaluator', () => {
  let serverUrl: string;
  let databaseUrl: string;
  let db: pg.Client;
  const contacts = fc.sample(segmentContactArbitrary, { numRuns: CONTACTS, seed: 20_261_124 });

  beforeAll(async () => {
    serverUrl = inject('postgresServerUrl');
    databaseUrl = await createTestDatabase(serverUrl, inject('templateDatabase'));
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    await db.query(`SET TIME ZONE 'America/Sao_Paulo'`);
    const columns = SEGMENT_COLUMNS.map((column) => `"${column.name}" ${column.type}`).join(', ');
    await db.query(`CREATE TEMP TABLE contact_segment_row (id integer PRIMARY KEY, ${columns})`);
    const stored = Object.entries(SEGMENT_FIELDS).filter(([, field]) => !('derivedFrom' in field));
    const names = stored.map(([, field]) => `"${field.column}"`).join(', ');
    const placeholders = stored.map((_, index) => `$${index + 2}`).join(', ');
    for (const [id, contact] of contacts.entries()) {
      const values = stored.map(([name]) => (contact as Record<string, unknown>)[name] ?? null);
      await db.query(
        `INSERT INTO contact_segment_row (id, ${names}) VALUES ($1, ${placeholders})`,
        [id, ...values],
      );
    }
  });
  afterAll(async () => {
    await db?.end();
    await dropTestDatabase(serverUrl, databaseUrl);
  });

  it(`selects the same contacts for ${RULES} random rules`, async () => {
    const rules = fc.sample(fc.tuple(segmentRuleArbitrary(), segmentNowArbitrary), {
      numRuns: RULES,
      seed: 7,
    });
    let discriminating = 0;
    for (const [rule, now] of rules) {
      const { sql, params } = compileSegmentRule(rule, {
        now,
        firstParameterIndex: 1,
        tableAlias: 'c',
      });
      const { rows } = await db.query(
        `SELECT id FROM contact_segment_row AS c WHERE ${sql} ORDER BY id`,
        params,
      );
      const expected = contacts.flatMap((contact, id) =>
        evaluateSegmentRule(rule, contact, now) ? [id] : [],
      );
      expect(
        rows.map((row) => row.id),
        JSON.stringify({ rule, now, sql, params }),
      ).toEqual(expected);
      if (expected.length > 0 && expected.length < CONTACTS) discriminating++;
    }
    // The rules must actually split the population, or agreement proves little.
    expect(discriminating).toBeGreaterThan(RULES / 4);
  }, 120_000);
});
