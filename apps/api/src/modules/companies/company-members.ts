import { companyRoleSchema } from '@socialcrm/validation';
import DataLoader from 'dataloader';
import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import { checkPageSize } from '../../platform/graphql/connection.js';
import { decodeSortCursor, encodeSortCursor } from '../../platform/graphql/sort-cursor.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { CONTACT_COLUMNS, type ContactRow, toContact } from '../contacts/index.js';
import {
  actingParty,
  requireContact,
  TimelineEventKind,
  type TimelineService,
} from '../timeline/index.js';
import type { CompanyMemberConnection } from './company.type.js';
import { type CompanyLinkChange, companyLinkChange } from './company-link-entry.js';

/** A company a contact belongs to, as `Contact.companies` answers it. */
export interface ContactCompany {
  readonly company: { readonly id: string; readonly name: string };
  readonly role: string | null;
}

/** A loader per operation and per key (the page asked for), gone with the operation. */
class PerOperation<K, V> {
  private readonly loaders = new WeakMap<Operation, Map<string, DataLoader<K, V>>>();

  constructor(
    private readonly load: (op: Operation, keys: readonly K[], variant: string) => Promise<V[]>,
  ) {}

  of(op: Operation, key: K, variant = ''): Promise<V> {
    const byVariant = this.loaders.get(op) ?? new Map<string, DataLoader<K, V>>();
    this.loaders.set(op, byVariant);
    const loader =
      byVariant.get(variant) ?? new DataLoader<K, V>((keys) => this.load(op, keys, variant));
    byVariant.set(variant, loader);
    return loader.load(key);
  }
}

/**
 * Who belongs to which company, with their role: linking and unlinking (each recorded on the
 * contact's timeline), and the reads a list asks for per row, batched per operation.
 */
export class CompanyMembers {
  constructor(private readonly timeline: TimelineService) {}

  private readonly counts = new PerOperation<string, number>(async (op, companyIds) => {
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const rows: Array<{ companyId: string; n: number }> = await manager.query(
      `SELECT company_id AS "companyId", count(*)::int AS n FROM contact_company
       WHERE tenant_id = $1 AND company_id = ANY ($2::uuid[]) GROUP BY company_id`,
      [tenantId, companyIds],
    );
    const byCompany = new Map(rows.map((row) => [row.companyId, row.n]));
    return companyIds.map((id) => byCompany.get(id) ?? 0);
  });

  private readonly companiesOfContacts = new PerOperation<string, ContactCompany[]>(
    async (op, contactIds) => {
      const [manager, tenantId] = [await op.manager(), await op.tenantId()];
      const rows: Array<ContactCompany & { contactId: string }> = await manager.query(
        `SELECT cc.contact_id AS "contactId", json_build_object('id', co.id, 'name', co.name) AS company, cc.role
       FROM contact_company cc JOIN company co ON co.tenant_id = cc.tenant_id AND co.id = cc.company_id
       WHERE cc.tenant_id = $1 AND cc.contact_id = ANY ($2::uuid[]) ORDER BY co.name, co.id`,
        [tenantId, contactIds],
      );
      return contactIds.map((id) =>
        rows.filter((row) => row.contactId === id).map(({ contactId: _, ...link }) => link),
      );
    },
  );

  /** Each company's first page of members (one `after` for all): one statement for a whole list. */
  private readonly memberPages = new PerOperation<string, CompanyMemberConnection>(
    async (op, companyIds, variant) => {
      const { first, after } = JSON.parse(variant) as { first: number; after: string | null };
      const position = after ? decodeSortCursor(after) : null;
      const [manager, tenantId] = [await op.manager(), await op.tenantId()];
      const rows: Array<ContactRow & { companyId: string; role: string | null; linkedAt: Date }> =
        await manager.query(
          `SELECT x.company_id AS "companyId", m.*
       FROM unnest($2::uuid[]) AS x(company_id)
       CROSS JOIN LATERAL (
         SELECT ${CONTACT_COLUMNS}, cc.role, cc.created_at AS "linkedAt"
         FROM contact_company cc JOIN contact c ON c.tenant_id = cc.tenant_id AND c.id = cc.contact_id
         WHERE cc.tenant_id = $1 AND cc.company_id = x.company_id
           AND ($3::text IS NULL OR (c.display_name, c.id) > ($3, $4::uuid))
         ORDER BY c.display_name, c.id LIMIT $5
       ) m`,
          [tenantId, companyIds, position?.key ?? null, position?.id ?? null, first + 1],
        );
      return companyIds.map((companyId) => {
        const page = rows.filter((row) => row.companyId === companyId);
        const edges = page.slice(0, first).map(({ companyId: _, role, linkedAt, ...contact }) => ({
          cursor: encodeSortCursor({ key: contact.displayName, id: contact.id }),
          node: { contact: toContact(contact), role, linkedAt },
        }));
        return {
          edges,
          pageInfo: { hasNextPage: page.length > first, endCursor: edges.at(-1)?.cursor ?? null },
        };
      });
    },
  );

  contactCount(op: Operation, companyId: string): Promise<number> {
    return this.counts.of(op, companyId);
  }

  companiesOf(op: Operation, contactId: string): Promise<ContactCompany[]> {
    return this.companiesOfContacts.of(op, contactId);
  }

  /** The contacts at a company by name, a keyset page at a time. */
  members(
    op: Operation,
    companyId: string,
    first: number,
    after: string | null,
  ): Promise<CompanyMemberConnection> {
    checkPageSize(first);
    if (after) decodeSortCursor(after);
    return this.memberPages.of(op, companyId, JSON.stringify({ first, after }));
  }

  /** Links a contact to a company with a role, or changes the role; the contact's timeline records it. */
  async link(
    op: Operation,
    contactId: string,
    companyId: string,
    role: string | null | undefined,
  ): Promise<string> {
    const roleText = parseInput(companyRoleSchema, role, 'role') ?? null;
    const { contact, company } = await this.pair(op, contactId, companyId);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [before]: Array<{ role: string | null }> = await manager.query(
      'SELECT role FROM contact_company WHERE tenant_id = $1 AND contact_id = $2 AND company_id = $3 FOR UPDATE',
      [tenantId, contact, company.id],
    );
    if (before && before.role === roleText) return contact;
    await manager.query(
      `INSERT INTO contact_company (tenant_id, contact_id, company_id, role) VALUES ($1, $2, $3, $4)
       ON CONFLICT (tenant_id, contact_id, company_id) DO UPDATE SET role = excluded.role`,
      [tenantId, contact, company.id, roleText],
    );
    if (before)
      await this.record(op, contact, 'COMPANY_ROLE_CHANGED', company, roleText, before.role);
    else await this.record(op, contact, 'COMPANY_LINKED', company, roleText);
    return contact;
  }

  /** Unlinks a contact from a company (nothing happens when they were not linked). */
  async unlink(op: Operation, contactId: string, companyId: string): Promise<string> {
    const { contact, company } = await this.pair(op, contactId, companyId);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [[removed]]: [Array<{ role: string | null }>, number] = await manager.query(
      'DELETE FROM contact_company WHERE tenant_id = $1 AND contact_id = $2 AND company_id = $3 RETURNING role',
      [tenantId, contact, company.id],
    );
    if (removed) await this.record(op, contact, 'COMPANY_UNLINKED', company, removed.role);
    return contact;
  }

  private async pair(op: Operation, contactId: string, companyId: string) {
    const contact = await requireContact(op, contactId);
    const [manager, tenantId] = [await op.manager(), await op.tenantId()];
    const [company]: Array<{ id: string; name: string }> = await manager.query(
      'SELECT id, name FROM company WHERE tenant_id = $1 AND id = $2',
      [tenantId, requireId(companyId, 'companyId')],
    );
    if (!company) throw notFound('Company');
    return { contact, company };
  }

  private async record(
    op: Operation,
    contactId: string,
    change: CompanyLinkChange,
    company: { id: string; name: string },
    role: string | null,
    previousRole?: string | null,
  ): Promise<void> {
    await this.timeline.record(op, {
      contactId,
      kind: TimelineEventKind.EDIT,
      ...(await actingParty(op)),
      subjectId: company.id,
      data: companyLinkChange(change, company, role, previousRole),
    });
  }
}
