import type { RequestContext } from '../../platform/context/request-context.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import type { ListeningSettings } from './listening-settings.type.js';

/** The tenant's listening settings (kept on the tenant row, which only its members reach). */
export class ListeningSettingsService {
  constructor(private readonly scopes: OperationScopes) {}

  async get(ctx: RequestContext): Promise<ListeningSettings> {
    const tenantId = await this.scopes.tenantId(ctx);
    const [tenant] = await (await this.scopes.manager(ctx)).query(
      'SELECT auto_create_leads FROM tenant WHERE id = $1',
      [tenantId],
    );
    return { autoCreateLeads: tenant?.auto_create_leads === true };
  }

  async update(ctx: RequestContext, autoCreateLeads: boolean): Promise<ListeningSettings> {
    const tenantId = await this.scopes.tenantId(ctx);
    await (await this.scopes.manager(ctx)).query(
      'UPDATE tenant SET auto_create_leads = $2 WHERE id = $1',
      [tenantId, autoCreateLeads],
    );
    return { autoCreateLeads };
  }
}
