import { savedViewNameSchema } from '@socialcrm/validation';
import {
  Arg,
  Authorized,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import { z } from 'zod';
import { TenantRole } from '../../platform/auth/roles.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { isUniqueViolation } from '../../platform/database/postgres-errors.js';
import { badUserInput, forbidden, notFound } from '../../platform/errors/app-error.js';
import type { GraphQLContext } from '../../platform/graphql/graphql-context.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import {
  ContactFilter,
  ContactSort,
  contactFilterSchema,
  contactSortSchema,
} from './contact-inputs.js';
import { SEARCH_MAX } from './contact-selection.js';

export const MAX_SAVED_CONTACT_VIEWS_PER_USER = 50;

@ObjectType('SavedContactView', {
  description:
    'A named search, filter and order of the contacts list, saved by one user in one tenant.',
})
export class SavedContactViewType {
  @Field(() => ID)
  id: string;

  @Field(() => String, {
    description: 'Unique among its owner’s contact views, whatever its case.',
  })
  name: string;

  @Field(() => String, { nullable: true, description: 'Pass as `search` to contacts.' })
  search: string | null;

  @Field(() => ContactFilter, { nullable: true, description: 'Pass as `filter` to contacts.' })
  filter: ContactFilter | null;

  @Field(() => ContactSort, { nullable: true, description: 'Pass as `sort` to contacts.' })
  sort: ContactSort | null;

  @Field(() => Date)
  createdAt: Date;
}

@InputType({ description: 'A contacts list view to save.' })
export class SavedContactViewInput {
  @Field(() => String, { description: 'Unique among your contact views in this tenant.' })
  name: string;

  @Field(() => String, { nullable: true })
  search?: string | null;

  @Field(() => ContactFilter, { nullable: true })
  filter?: ContactFilter | null;

  @Field(() => ContactSort, { nullable: true })
  sort?: ContactSort | null;
}

const viewSchema = z.object({
  name: savedViewNameSchema,
  search: z.string().trim().max(SEARCH_MAX).optional().nullable(),
  filter: contactFilterSchema.optional().nullable(),
  sort: contactSortSchema.optional().nullable(),
});

const COLUMNS = `id, name, view ->> 'search' AS search, view -> 'filter' AS filter, view -> 'sort' AS sort,
  created_at AS "createdAt"`;

/** A user's saved contact views; colleagues' views are answered as not found. */
export class SavedContactViews {
  async list(op: Operation): Promise<SavedContactViewType[]> {
    const { tenantId, userId } = await owner(op);
    const rows: SavedContactViewType[] = await (await op.manager()).query(
      `SELECT ${COLUMNS} FROM saved_contact_view WHERE tenant_id = $1 AND user_id = $2 ORDER BY lower(name), id`,
      [tenantId, userId],
    );
    return rows.map(toView);
  }

  async create(op: Operation, input: SavedContactViewInput): Promise<SavedContactViewType> {
    const { name, ...view } = parseInput(viewSchema, input, 'input');
    const { tenantId, userId } = await owner(op);
    const manager = await op.manager();
    let rows: SavedContactViewType[];
    try {
      rows = await manager.query(
        `INSERT INTO saved_contact_view (tenant_id, id, user_id, name, view)
         SELECT $1, $2, $3, $4, $5::jsonb
         WHERE (SELECT count(*) FROM saved_contact_view WHERE tenant_id = $1 AND user_id = $3) < $6
         RETURNING ${COLUMNS}`,
        [tenantId, newId(), userId, name, JSON.stringify(view), MAX_SAVED_CONTACT_VIEWS_PER_USER],
      );
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      throw badUserInput([
        {
          field: 'input.name',
          message: 'is already the name of another of your views',
          reason: 'ALREADY_EXISTS',
        },
      ]);
    }
    const [row] = rows;
    if (!row)
      throw badUserInput([
        {
          field: 'input',
          message: `you already have ${MAX_SAVED_CONTACT_VIEWS_PER_USER} saved contact views; delete one first`,
          reason: 'TOO_MANY',
          params: { max: MAX_SAVED_CONTACT_VIEWS_PER_USER },
        },
      ]);
    return toView(row);
  }

  async delete(op: Operation, id: string): Promise<boolean> {
    const { tenantId, userId } = await owner(op);
    const [, affected]: [unknown, number] = await (await op.manager()).query(
      'DELETE FROM saved_contact_view WHERE tenant_id = $1 AND id = $2 AND user_id = $3',
      [tenantId, requireId(id), userId],
    );
    if (!affected) throw notFound('Saved view');
    return true;
  }
}

/** Stored filters went through the same schema; reading them through it again revives the dates. */
function toView(row: SavedContactViewType): SavedContactViewType {
  return {
    ...row,
    filter: row.filter ? (contactFilterSchema.parse(row.filter) as ContactFilter) : null,
  };
}

/** Views belong to a person: an API key has none. */
async function owner(op: Operation): Promise<{ tenantId: string; userId: string }> {
  const tenantId = await op.tenantId();
  const { userId } = await op.access();
  if (!userId) throw forbidden('Saved views belong to a signed-in user');
  return { tenantId, userId };
}

/** Anyone who reads contacts may keep their own views of the list. */
@Resolver()
export class SavedContactViewResolver {
  constructor(private readonly views: SavedContactViews) {}

  @Authorized(TenantRole.VIEWER)
  @Query(() => [SavedContactViewType], {
    description: `Your saved contact views in the active tenant, by name (at most ${MAX_SAVED_CONTACT_VIEWS_PER_USER}).`,
  })
  savedContactViews(@Ctx() { operation }: GraphQLContext) {
    return this.views.list(operation);
  }

  @Authorized(TenantRole.VIEWER)
  @Mutation(() => SavedContactViewType, {
    description: 'Saves a named contacts list view for you.',
  })
  createSavedContactView(
    @Ctx() { operation }: GraphQLContext,
    @Arg('input', () => SavedContactViewInput) input: SavedContactViewInput,
  ) {
    return this.views.create(operation, input);
  }

  @Authorized(TenantRole.VIEWER)
  @Mutation(() => Boolean, { description: 'Deletes one of your saved contact views.' })
  deleteSavedContactView(@Ctx() { operation }: GraphQLContext, @Arg('id', () => ID) id: string) {
    return this.views.delete(operation, id);
  }
}
