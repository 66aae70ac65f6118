import { API_KEY_PREFIX_LENGTH, formatApiKey } from '../../platform/auth/api-key-token.js';
import { hashSecret, newSecret } from '../../platform/auth/secret-token.js';
import type { RequestContext } from '../../platform/context/request-context.js';
import { newId } from '../../platform/database/new-id.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { ApiKey } from './api-key.entity.js';
import { type CreateApiKeyInput, type CreatedApiKey, createApiKeySchema } from './api-key.type.js';

export class ApiKeyService {
  constructor(private readonly scopes: OperationScopes) {}

  async list(ctx: RequestContext): Promise<ApiKey[]> {
    const tenantId = await this.scopes.tenantId(ctx);
    return (await this.scopes.repository(ctx, ApiKey)).find({
      where: { tenantId },
      order: { id: 'DESC' },
      take: 200,
    });
  }

  async create(ctx: RequestContext, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { name, role } = parseInput(createApiKeySchema, input, 'input');
    const tenantId = await this.scopes.tenantId(ctx);
    const { userId } = await this.scopes.access(ctx);
    const id = newId();
    const secret = newSecret();
    const token = formatApiKey(tenantId, id, secret);
    const apiKey = {
      tenantId,
      id,
      name,
      role,
      prefix: token.slice(0, API_KEY_PREFIX_LENGTH),
      secretHash: hashSecret(secret),
      createdBy: userId,
      createdAt: new Date(),
      lastUsedAt: null,
      revokedAt: null,
    };
    await (await this.scopes.repository(ctx, ApiKey)).insert(apiKey);
    return { apiKey, secret: token };
  }

  async revoke(ctx: RequestContext, id: string): Promise<ApiKey> {
    const tenantId = await this.scopes.tenantId(ctx);
    const keys = await this.scopes.repository(ctx, ApiKey);
    const key = await keys.findOneBy({ tenantId, id: requireId(id) });
    if (!key) throw notFound('API key');
    key.revokedAt ??= new Date();
    return keys.save(key);
  }
}
