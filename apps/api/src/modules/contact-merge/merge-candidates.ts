import type { MergeCandidate } from '@socialcrm/domain';
import type { EntityManager } from 'typeorm';

interface CandidateRow extends Omit<MergeCandidate, 'emailConsent' | 'socialConsent'> {
  emailConsent: boolean | null;
  emailConsentAt: Date | null;
  emailConsentSource: string | null;
  socialConsent: boolean | null;
  socialConsentAt: Date | null;
  socialConsentSource: string | null;
}

/**
 * The contacts of a merge with what hangs on them, in one statement (counts by index: every
 * table is indexed by (tenant_id, contact_id)); missing ids are simply absent.
 */
export async function loadCandidates(
  manager: EntityManager,
  tenantId: string,
  ids: readonly string[],
): Promise<Map<string, MergeCandidate>> {
  const rows: CandidateRow[] = await manager.query(
    `SELECT c.id, c.display_name AS "displayName", c.first_name AS "firstName", c.last_name AS "lastName",
       c.emails, c.phones, c.language, c.country, c.city, c.tags, c.owner_id AS "ownerId",
       c.lifecycle_stage AS "lifecycleStage",
       c.email_consent AS "emailConsent", c.email_consent_at AS "emailConsentAt", c.email_consent_source AS "emailConsentSource",
       c.social_consent AS "socialConsent", c.social_consent_at AS "socialConsentAt", c.social_consent_source AS "socialConsentSource",
       c.custom_fields AS "customFields", c.external_id AS "externalId",
       coalesce((SELECT array_agg(i.id ORDER BY i.id) FROM social_identity i
                  WHERE i.tenant_id = c.tenant_id AND i.contact_id = c.id), '{}') AS "identityIds",
       coalesce((SELECT json_agg(json_build_object('companyId', cc.company_id, 'role', cc.role) ORDER BY cc.company_id)
                  FROM contact_company cc WHERE cc.tenant_id = c.tenant_id AND cc.contact_id = c.id), '[]') AS "companyLinks",
       (SELECT count(*)::int FROM timeline_event t WHERE t.tenant_id = c.tenant_id AND t.contact_id = c.id) AS "timelineEntries",
       (SELECT count(*)::int FROM customer_order o WHERE o.tenant_id = c.tenant_id AND o.contact_id = c.id) AS orders,
       (SELECT count(*)::int FROM engagement_event e WHERE e.tenant_id = c.tenant_id AND e.contact_id = c.id) AS "engagementEvents",
       (SELECT count(*)::int FROM timeline_note_version v
          JOIN timeline_event t ON t.tenant_id = v.tenant_id AND t.id = v.event_id
         WHERE t.tenant_id = c.tenant_id AND t.contact_id = c.id) AS "noteVersions",
       (SELECT count(*)::int FROM mention m
          JOIN social_identity i ON i.tenant_id = m.tenant_id AND i.id = m.author_identity_id
         WHERE i.tenant_id = c.tenant_id AND i.contact_id = c.id) AS "mentionsAuthored"
     FROM contact c WHERE c.tenant_id = $1 AND c.id = ANY ($2::uuid[])`,
    [tenantId, ids],
  );
  const iso = (at: Date | null) => (at === null ? null : new Date(at).toISOString());
  return new Map(
    rows.map((row) => {
      const {
        emailConsent,
        emailConsentAt,
        emailConsentSource,
        socialConsent,
        socialConsentAt,
        socialConsentSource,
        ...rest
      } = row;
      const candidate: MergeCandidate = {
        ...rest,
        emailConsent: {
          granted: emailConsent,
          at: iso(emailConsentAt),
          source: emailConsentSource,
        },
        socialConsent: {
          granted: socialConsent,
          at: iso(socialConsentAt),
          source: socialConsentSource,
        },
      };
      return [row.id, candidate];
    }),
  );
}
