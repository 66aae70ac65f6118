import type { Operation, OperationScopes } from '../../platform/database/operation-scope.js';
import type { ListeningSettings } from './listening-settings.type.js';

/** The tenant's listening settings (kept on the tenant row, which only its members reach). */
export class ListeningSettingsService {
  constructor(private readonly scopes: OperationScopes) {}

  async get(op: Operation): Promise<ListeningSettings> {
    const tenantId = await this.scopes.tenantId(op);
    const [tenant] = await (await this.scopes.manager(op)).query(
      'SELECT auto_create_leads FROM tenant WHERE id = $1',
      [tenantId],
    );
    return { autoCreateLeads: tenant?.auto_create_leads === true };
  }

  async update(op: Operation, autoCreateLeads: boolean): Promise<ListeningSettings> {
    const tenantId = await this.scopes.tenantId(op);
    await (await this.scopes.manager(op)).query(
      'UPDATE tenant SET auto_create_leads = $2 WHERE id = $1',
      [tenantId, autoCreateLeads],
    );
    return { autoCreateLeads };
  }
}
