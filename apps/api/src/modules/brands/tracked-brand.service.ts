import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, conflict, notFound } from '../../platform/errors/app-error.js';
import { checkPageSize, type Page } from '../../platform/graphql/connection.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { decodeBrandCursor, encodeBrandCursor } from './brand-cursor.js';
import { type BrandMentionStats, mentionStatsOf, NO_MENTIONS } from './brand-mention-stats.js';
import { brandPageSql } from './brand-page.sql.js';
import {
  type CreateBrandInput,
  createBrandSchema,
  needsATerm,
  needsATermProblem,
  type UpdateBrandInput,
  updateBrandSchema,
} from './inputs/brand.input.js';
import {
  type BrandSortInput,
  brandSearchSchema,
  brandSortSchema,
} from './inputs/brand-list.input.js';
import { TrackedBrand } from './tracked-brand.entity.js';

/** A brand as the api answers it: its row and its mention stats. */
type ListedBrand = Omit<TrackedBrand, 'tenantId'> & BrandMentionStats;
type PageRow = Omit<ListedBrand, 'createdAt' | 'updatedAt' | 'lastMentionAt'> & {
  createdAt: string;
  updatedAt: string;
  lastMentionAt: string | null;
  sortKey: string;
};

/** Tracked brands of the operation's tenant. Callers have checked the role. */
export class TrackedBrandService {
  /** In `sort` order (newest first by default). One statement: the page and the total together. */
  async list(
    op: Operation,
    first: number,
    after: string | null,
    searchInput: string | null,
    sortInput: BrandSortInput | null,
  ): Promise<Page<ListedBrand>> {
    checkPageSize(first);
    const search = parseInput(brandSearchSchema, searchInput, 'search');
    const sort = parseInput(brandSortSchema, sortInput, 'sort');
    const cursor = after ? decodeBrandCursor(after, sort) : null;
    const tenantId = await op.tenantId();
    const manager = await op.manager();
    const [result]: Array<{ total: number; rows: PageRow[] }> = await manager.query(
      brandPageSql(sort),
      [tenantId, search, cursor?.key ?? null, cursor?.id ?? null, first + 1],
    );
    const rows = result?.rows ?? [];
    const nodes = rows.slice(0, first);
    const edges = nodes.map(({ sortKey, ...row }) => ({
      cursor: encodeBrandCursor(sort, { key: sortKey, id: row.id }),
      node: {
        ...row,
        createdAt: new Date(row.createdAt),
        updatedAt: new Date(row.updatedAt),
        lastMentionAt: row.lastMentionAt === null ? null : new Date(row.lastMentionAt),
      },
    }));
    return {
      edges,
      pageInfo: { hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null },
      totalCount: result?.total ?? 0,
    };
  }

  async get(op: Operation, id: string): Promise<ListedBrand> {
    return this.withStats(op, await this.find(op, id));
  }

  /** A new brand has no mentions yet: ingest attributes posts to the brands it knows. */
  async create(op: Operation, input: CreateBrandInput): Promise<ListedBrand> {
    const values = parseInput(createBrandSchema, input, 'input');
    const tenantId = await op.tenantId();
    const brands = await op.repository(TrackedBrand);
    const brand = await this.saveUniquely(() =>
      brands.save(brands.create({ ...values, tenantId, id: newId() })),
    );
    return { ...brand, ...NO_MENTIONS };
  }

  async update(op: Operation, id: string, input: UpdateBrandInput): Promise<ListedBrand> {
    const changes = parseInput(updateBrandSchema, input, 'input');
    const brand = await this.find(op, id);
    const next = { ...brand, ...changes };
    if (!needsATerm(next)) {
      throw badUserInput([
        { field: `input.${needsATermProblem.path[0]}`, message: needsATermProblem.message },
      ]);
    }
    const brands = await op.repository(TrackedBrand);
    const saved = await this.saveUniquely(() => brands.save(brands.merge(brand, changes)));
    return this.withStats(op, saved);
  }

  async delete(op: Operation, id: string): Promise<string> {
    const tenantId = await op.tenantId();
    const brands = await op.repository(TrackedBrand);
    const { affected } = await brands.delete({ tenantId, id: requireId(id) });
    if (!affected) throw notFound('Brand');
    return id;
  }

  private async find(op: Operation, id: string): Promise<TrackedBrand> {
    const tenantId = await op.tenantId();
    const brands = await op.repository(TrackedBrand);
    const brand = await brands.findOneBy({ tenantId, id: requireId(id) });
    if (!brand) throw notFound('Brand');
    return brand;
  }

  private async withStats(op: Operation, brand: TrackedBrand): Promise<ListedBrand> {
    const stats = await mentionStatsOf(await op.manager(), brand.tenantId, [brand.id]);
    return { ...brand, ...(stats.get(brand.id) ?? NO_MENTIONS) };
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
