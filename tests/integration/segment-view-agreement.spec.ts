import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { compileSegmentRule } from '../../packages/domain/src/segments/compile-segment-rule.js';
import { evaluateSegmentRule } from '../../packages/domain/src/segments/evaluate-segment-rule.js';
import type { SegmentContact } from '../../packages/domain/src/segments/segment-contact.js';
import {
  segmentContactArbitrary,
  segmentNowArbitrary,
  segmentRuleArbitrary,
} from '../../packages/domain/src/testing/segment-arbitraries.js';
import {
  createTestDatabase,
  dropTestDatabase,
  RUNTIME_PASSWORD,
  withClient,
} from '../support/databases.js';
import { createWorld } from '../support/world.js';

const CONTACTS = 300;
const RULES = 1200;

/**
 * A random record as the contact tables can hold it (and so as the view answers it): a
 * two-letter country, a birth date without time, a stage, tags and a creation time always there.
 */
function storable(contact: SegmentContact): SegmentContact {
  const day = (date: Date | string | null | undefined) =>
    date == null ? null : new Date(`${new Date(date).toISOString().slice(0, 10)}T00:00:00Z`);
  return {
    ...contact,
    country: contact.country == null ? null : contact.country.slice(0, 2).trimEnd(),
    birthDate: day(contact.birthDate),
    lifecycleStage: contact.lifecycleStage ?? 'lead',
    tags: contact.tags ?? [],
    channels: contact.channels ?? [],
    createdAt: contact.createdAt ?? new Date('2024-01-01T00:00:00Z'),
  };
}

// The compiler must select through the real `segment_contact` view (the contact and its
// metrics, under row-level security as the api's runtime role) exactly the contacts the
// evaluator accepts: stored memberships rely on the one, the rule builder's checks on the other.
describe('segment rules: the compiled SQL over the segment view agrees with the evaluator', () => {
  let serverUrl: string;
  let databaseUrl: string;
  let runtime: pg.Client;
  let tenantId: string;
  const contacts = fc
    .sample(segmentContactArbitrary, { numRuns: CONTACTS, seed: 20_261_204 })
    .map(storable);
  const ids: string[] = [];

  beforeAll(async () => {
    serverUrl = inject('postgresServerUrl');
    databaseUrl = await createTestDatabase(serverUrl, inject('templateDatabase'));
    const world = await createWorld(databaseUrl);
    tenantId = world.tenants.a;
    await withClient(databaseUrl, async (db) => {
      await db.query(`SET TIME ZONE 'America/Sao_Paulo'`);
      for (const [tenant, records] of [
        [tenantId, contacts],
        // Another tenant's everything-matching contacts must never be seen.
        [world.tenants.b, contacts.slice(0, 20)],
      ] as const)
        for (const c of records) {
          const { rows } = await db.query(
            `INSERT INTO contact (tenant_id, id, display_name, first_name, last_name, emails, gender, birth_date,
                                  country, city, language, lifecycle_stage, tags, created_at)
             VALUES ($1, gen_random_uuid(), 'x', $2, $3, $4, $5, ($6::timestamptz AT TIME ZONE 'UTC')::date,
                     $7, $8, $9, $10, $11, $12) RETURNING id`,
            [
              tenant,
              c.firstName ?? null,
              c.lastName ?? null,
              c.email == null ? [] : [c.email],
              c.gender ?? null,
              c.birthDate ?? null,
              c.country ?? null,
              c.city ?? null,
              c.language ?? null,
              c.lifecycleStage,
              c.tags,
              c.createdAt,
            ],
          );
          const id = rows[0].id as string;
          if (tenant === tenantId) ids.push(id);
          await db.query(
            `INSERT INTO contact_metrics (tenant_id, contact_id, rfm_r, rfm_f, rfm_m, rfm_segment, clv,
                                          sentiment, influence, channels, followers, last_interaction_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
            [
              tenant,
              id,
              c.rfmRecency ?? null,
              c.rfmFrequency ?? null,
              c.rfmMonetary ?? null,
              c.rfmSegment ?? null,
              c.clv ?? null,
              c.sentiment ?? null,
              c.influence ?? null,
              c.channels,
              c.followers ?? null,
              c.lastInteractionAt ?? null,
            ],
          );
        }
    });
    const runtimeUrl = new URL(databaseUrl);
    runtimeUrl.username = 'socialcrm_app';
    runtimeUrl.password = RUNTIME_PASSWORD;
    runtime = new pg.Client({ connectionString: runtimeUrl.toString() });
    await runtime.connect();
    await runtime.query(`SET TIME ZONE 'Asia/Kolkata'`);
  }, 60_000);
  afterAll(async () => {
    await runtime?.end();
    await dropTestDatabase(serverUrl, databaseUrl);
  });

  it(`selects the same contacts for ${RULES} random rules`, async () => {
    const rules = fc.sample(fc.tuple(segmentRuleArbitrary(), segmentNowArbitrary), {
      numRuns: RULES,
      seed: 14,
    });
    const position = new Map(ids.map((id, index) => [id, index]));
    let discriminating = 0;
    await runtime.query('BEGIN');
    await runtime.query(`SELECT set_config('app.tenant_ids', $1, true)`, [`{${tenantId}}`]);
    for (const [rule, now] of rules) {
      const { sql, params } = compileSegmentRule(rule, {
        now,
        firstParameterIndex: 1,
        tableAlias: 'sc',
      });
      // No tenant condition: row-level security alone keeps the other tenant out.
      const { rows } = await runtime.query(
        `SELECT sc.id FROM segment_contact sc WHERE ${sql}`,
        params,
      );
      const selected = rows.map((row) => position.get(row.id) ?? -1).sort((a, b) => a - b);
      const expected = contacts.flatMap((contact, index) =>
        evaluateSegmentRule(rule, contact, now) ? [index] : [],
      );
      expect(selected, JSON.stringify({ rule, now, sql, params })).toEqual(expected);
      if (expected.length > 0 && expected.length < CONTACTS) discriminating++;
    }
    await runtime.query('COMMIT');
    expect(discriminating).toBeGreaterThan(RULES / 4);
  }, 180_000);
});
