import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import {
  checkPageSize,
  decodeCursor,
  type Page,
  toPage,
} from '../../platform/graphql/connection.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import {
  type CreateBrandInput,
  createBrandSchema,
  needsATerm,
  needsATermProblem,
  type UpdateBrandInput,
  updateBrandSchema,
} from './inputs/brand.input.js';
import { TrackedBrand } from './tracked-brand.entity.js';

type BrandRow = Omit<TrackedBrand, 'tenantId'>;

/** Tracked brands of the operation's tenant. Callers have checked the role. */
export class TrackedBrandService {
  /** Newest first. One statement: the page and the total come back together. */
  async list(op: Operation, first: number, after: string | null): Promise<Page<BrandRow>> {
    checkPageSize(first);
    const cursor = after ? decodeCursor(after).id : null;
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const [result] = await manager.query(
      `SELECT (SELECT count(*)::int FROM tracked_brand WHERE tenant_id = $1) AS total,
              coalesce((SELECT json_agg(page) FROM (
                SELECT id, name, kind, keywords, hashtags, handles,
                       excluded_terms AS "excludedTerms", created_at AS "createdAt", updated_at AS "updatedAt"
                FROM tracked_brand
                WHERE tenant_id = $1 AND ($2::uuid IS NULL OR id < $2)
                ORDER BY id DESC LIMIT $3) page), '[]') AS rows`,
      [tenantId, cursor, first + 1],
    );
    const rows = (result.rows as BrandRow[]).map((row) => ({
      ...row,
      createdAt: new Date(row.createdAt),
      updatedAt: new Date(row.updatedAt),
    }));
    return toPage(rows, first, result.total);
  }

  async get(op: Operation, id: string): Promise<TrackedBrand> {
    const tenantId = await op.tenantId();
    const brands = await op.repository(TrackedBrand);
    const brand = await brands.findOneBy({ tenantId, id: requireId(id) });
    if (!brand) throw notFound('Brand');
    return brand;
  }

  async create(op: Operation, input: CreateBrandInput): Promise<TrackedBrand> {
    const values = parseInput(createBrandSchema, input, 'input');
    const tenantId = await op.tenantId();
    const brands = await op.repository(TrackedBrand);
    return this.saveUniquely(() =>
      brands.save(brands.create({ ...values, tenantId, id: newId() })),
    );
  }

  async update(op: Operation, id: string, input: UpdateBrandInput): Promise<TrackedBrand> {
    const changes = parseInput(updateBrandSchema, input, 'input');
    const brand = await this.get(op, id);
    const next = { ...brand, ...changes };
    if (!needsATerm(next)) {
      throw badUserInput([
        { field: `input.${needsATermProblem.path[0]}`, message: needsATermProblem.message },
      ]);
    }
    const brands = await op.repository(TrackedBrand);
    return this.saveUniquely(() => brands.save(brands.merge(brand, changes)));
  }

  async delete(op: Operation, id: string): Promise<string> {
    const tenantId = await op.tenantId();
    const brands = await op.repository(TrackedBrand);
    const { affected } = await brands.delete({ tenantId, id: requireId(id) });
    if (!affected) throw notFound('Brand');
    return id;
  }

  private async saveUniquely(save: () => Promise<TrackedBrand>): Promise<TrackedBrand> {
    try {
      return await save();
    } catch (error) {
      if (isUniqueViolation(error))
        throw conflict('A brand with this name already exists', 'input.name');
      throw error;
    }
  }
}
