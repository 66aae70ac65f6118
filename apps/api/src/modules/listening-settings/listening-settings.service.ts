import type { Operation } from '../../platform/database/operation-scope.js';
import type { ListeningSettings } from './listening-settings.type.js';

/** The tenant's listening settings (kept on the tenant row, which only its members reach). */
export class ListeningSettingsService {
  async get(op: Operation): Promise<ListeningSettings> {
    const tenantId = await op.tenantId();
    const [tenant] = await (await op.manager()).query(
      'SELECT auto_create_leads FROM tenant WHERE id = $1',
      [tenantId],
    );
    return { autoCreateLeads: tenant?.auto_create_leads === true };
  }

  async update(op: Operation, autoCreateLeads: boolean): Promise<ListeningSettings> {
    const tenantId = await op.tenantId();
    await (await op.manager()).query('UPDATE tenant SET auto_create_leads = $2 WHERE id = $1', [
      tenantId,
      autoCreateLeads,
    ]);
    return { autoCreateLeads };
  }
}
