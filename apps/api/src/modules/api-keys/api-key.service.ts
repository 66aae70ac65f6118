import { API_KEY_PREFIX_LENGTH, formatApiKey } from '../../platform/auth/api-key-token.js';
import { hashSecret, newSecret } from '../../platform/auth/secret-token.js';
import { newId } from '../../platform/database/new-id.js';
import type { Operation } from '../../platform/database/operation-scope.js';
import { notFound } from '../../platform/errors/app-error.js';
import { parseInput, requireId } from '../../platform/graphql/validation.js';
import { ApiKey } from './api-key.entity.js';
import { type CreateApiKeyInput, type CreatedApiKey, createApiKeySchema } from './api-key.type.js';

export class ApiKeyService {
  async list(op: Operation): Promise<ApiKey[]> {
    const tenantId = await op.tenantId();
    return (await op.repository(ApiKey)).find({
      where: { tenantId },
      order: { id: 'DESC' },
      take: 200,
    });
  }

  async create(op: Operation, input: CreateApiKeyInput): Promise<CreatedApiKey> {
    const { name, role } = parseInput(createApiKeySchema, input, 'input');
    const tenantId = await op.tenantId();
    const { userId } = await op.access();
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
    await (await op.repository(ApiKey)).insert(apiKey);
    return { apiKey, secret: token };
  }

  async revoke(op: Operation, id: string): Promise<ApiKey> {
    const tenantId = await op.tenantId();
    const keys = await op.repository(ApiKey);
    const key = await keys.findOneBy({ tenantId, id: requireId(id) });
    if (!key) throw notFound('API key');
    key.revokedAt ??= new Date();
    return keys.save(key);
  }
}
