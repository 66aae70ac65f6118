import { once } from 'node:events';
import { Router } from 'express';
import type { AccessTokens } from '../../platform/auth/access-token.js';
import { TenantRole } from '../../platform/auth/roles.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { requireId } from '../../platform/graphql/validation.js';
import { refuseRequest, requireRouteRole, routeCaller } from '../../platform/http/route-caller.js';
import type { DataExportService } from './data-export.service.js';

/**
 * `GET /api/exports/:id/file` (VIEWER or higher, authenticated like GraphQL): a finished
 * export's CSV file, streamed chunk by chunk, each chunk read in a short operation of its own.
 */
export function dataExportRouter(deps: {
  scopes: OperationScopes;
  tokens: AccessTokens;
  exports: DataExportService;
}): Router {
  const router = Router();
  router.get('/:id/file', async (req, res) => {
    try {
      const id = requireId(String(req.params.id));
      const ctx = await routeCaller(req, deps.tokens);
      const file = await deps.scopes.run(ctx, async (op) => {
        await requireRouteRole(op, TenantRole.VIEWER);
        return deps.exports.file(op, id);
      });
      res.status(200).type('text/csv; charset=utf-8');
      res.setHeader('content-length', String(file.byteSize));
      res.setHeader('content-disposition', `attachment; filename="${file.fileName}"`);
      res.setHeader('cache-control', 'private, no-store');
      for (let seq = 0; seq < file.chunkCount; seq++) {
        const bytes = await deps.scopes.run(ctx, (op) => deps.exports.chunk(op, id, seq));
        // A client that goes away ends the download (a closed response never drains).
        if (!res.write(bytes)) await Promise.race([once(res, 'drain'), once(res, 'close')]);
        if (res.destroyed) return;
      }
      res.end();
    } catch (error) {
      if (res.headersSent) res.destroy();
      else refuseRequest(res, error, 'export download');
    }
  });
  return router;
}
