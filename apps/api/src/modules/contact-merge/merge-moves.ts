import type { ContactMergePlan } from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';

/** Tables whose rows follow their contact, by `contact_id` (the timeline's trigger allows it). */
const FOLLOWING_TABLES = [
  'social_identity',
  'timeline_event',
  'customer_order',
  'engagement_event',
  'lifecycle_stage_change',
];

/**
 * Applies a plan inside the caller's transaction, with the contacts locked: moves every row
 * of the merged contacts to the survivor, deletes them, and writes the survivor's fields.
 * Mentions follow their identities and note versions their notes without being touched.
 */
export async function applyPlan(
  manager: EntityManager,
  tenantId: string,
  plan: ContactMergePlan,
): Promise<void> {
  const { survivorId, mergedIds, result } = plan;
  for (const table of FOLLOWING_TABLES)
    await manager.query(
      `UPDATE ${table} SET contact_id = $2 WHERE tenant_id = $1 AND contact_id = ANY ($3::uuid[])`,
      [tenantId, survivorId, mergedIds],
    );
  await manager.query(
    `INSERT INTO contact_company (tenant_id, contact_id, company_id, role, created_at)
     SELECT cc.tenant_id, $2, cc.company_id, cc.role, cc.created_at FROM contact_company cc
       JOIN unnest($3::uuid[], $4::uuid[]) AS moved(contact_id, company_id)
         ON moved.contact_id = cc.contact_id AND moved.company_id = cc.company_id
      WHERE cc.tenant_id = $1`,
    [
      tenantId,
      survivorId,
      plan.companyLinks.map((link) => link.fromContactId),
      plan.companyLinks.map((link) => link.companyId),
    ],
  );
  // Earlier merges into a merged contact now belong to the survivor (their record would go
  // with the deleted contact otherwise).
  await manager.query(
    'UPDATE contact_merge SET survivor_id = $2 WHERE tenant_id = $1 AND survivor_id = ANY ($3::uuid[])',
    [tenantId, survivorId, mergedIds],
  );
  // Static lists keep their members: the survivor takes the merged contacts' places (their
  // dynamic memberships follow the survivor's record through the upkeep instead).
  await manager.query(
    `INSERT INTO segment_member (tenant_id, segment_id, contact_id, entered_at)
     SELECT sm.tenant_id, sm.segment_id, $2, min(sm.entered_at) FROM segment_member sm
       JOIN segment s ON s.tenant_id = sm.tenant_id AND s.id = sm.segment_id AND s.kind = 'STATIC'
      WHERE sm.tenant_id = $1 AND sm.contact_id = ANY ($3::uuid[])
      GROUP BY sm.tenant_id, sm.segment_id
     ON CONFLICT DO NOTHING`,
    [tenantId, survivorId, mergedIds],
  );
  // Before the survivor takes a merged contact's external id (unique per tenant).
  await manager.query('DELETE FROM contact WHERE tenant_id = $1 AND id = ANY ($2::uuid[])', [
    tenantId,
    mergedIds,
  ]);
  // The lifecycle's trigger records the survivor's stage change as the merge's.
  await manager.query(`SELECT set_config('app.lifecycle_context', '{"cause":"MERGE"}', true)`);
  await manager.query(
    `UPDATE contact SET first_name = $3, last_name = $4, emails = $5, phones = $6, language = $7, country = $8,
       city = $9, tags = $10, owner_id = $11, lifecycle_stage = $12,
       email_consent = $13, email_consent_at = $14, email_consent_source = $15,
       social_consent = $16, social_consent_at = $17, social_consent_source = $18,
       custom_fields = $19, external_id = $20, updated_at = now()
     WHERE tenant_id = $1 AND id = $2`,
    [
      tenantId,
      survivorId,
      result.firstName,
      result.lastName,
      result.emails,
      result.phones,
      result.language,
      result.country,
      result.city,
      result.tags,
      result.ownerId,
      result.lifecycleStage,
      result.emailConsent.granted,
      result.emailConsent.at,
      result.emailConsent.source,
      result.socialConsent.granted,
      result.socialConsent.at,
      result.socialConsent.source,
      JSON.stringify(result.customFields),
      result.externalId,
    ],
  );
  await manager.query(`SELECT set_config('app.lifecycle_context', '', true)`);
}
