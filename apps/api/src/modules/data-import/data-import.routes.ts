import { stringify } from 'csv-stringify';
import { type Response, Router } from 'express';
import type { AccessTokens } from '../../platform/auth/access-token.js';
import { TenantRole } from '../../platform/auth/roles.js';
import type { OperationScopes } from '../../platform/database/operation-scope.js';
import { badUserInput } from '../../platform/errors/app-error.js';
import { requireId } from '../../platform/graphql/validation.js';
import { refuseRequest, requireRouteRole, routeCaller } from '../../platform/http/route-caller.js';
import type { DataImportService } from './data-import.service.js';
import { ImportEntityKind } from './data-import.type.js';
import { FileTooLarge } from './file-upload.js';

export const DATA_IMPORT_PATH = '/api/imports';
const ERROR_PAGE = 5_000;

/**
 * The import's plain HTTP side, authenticated like GraphQL (a Bearer access token with
 * `X-Tenant-Id`, or a tenant API key):
 * - `POST /api/imports?entity=CONTACTS&fileName=x.csv`, the raw file as the body (AGENT or
 *   higher): stored as it streams in, answers `201 { id }`; then `dataImport(id)` tells what
 *   was detected and suggests a mapping.
 * - `GET /api/imports/:id/errors.csv` (VIEWER or higher): the row errors as CSV, in file order.
 */
export function dataImportRouter(deps: {
  scopes: OperationScopes;
  tokens: AccessTokens;
  imports: DataImportService;
  maxBytes: number;
}): Router {
  const router = Router();
  router.post('/', async (req, res) => {
    try {
      const entity = parseEntity(req.query.entity);
      const fileName = parseFileName(req.query.fileName);
      const declared = Number(req.header('content-length') ?? 0);
      if (declared > deps.maxBytes) throw new FileTooLarge(deps.maxBytes);
      const ctx = await routeCaller(req, deps.tokens);
      const id = await deps.scopes.run(ctx, async (op) => {
        await requireRouteRole(op, TenantRole.AGENT);
        return deps.imports.upload(op, entity, fileName, req, deps.maxBytes);
      });
      res.status(201).json({ id });
    } catch (error) {
      refuse(res, error);
      // The rest of a refused body is not read.
      req.resume();
    }
  });

  router.get('/:id/errors.csv', async (req, res) => {
    try {
      const id = requireId(String(req.params.id));
      const ctx = await routeCaller(req, deps.tokens);
      await deps.scopes.run(ctx, async (op) => {
        await requireRouteRole(op, TenantRole.VIEWER);
        const found = await deps.imports.get(op, id);
        const baseName = found.fileName.replace(/\.[^.]*$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_');
        res.status(200).type('text/csv; charset=utf-8');
        res.setHeader(
          'content-disposition',
          `attachment; filename="errors.csv"; filename*=UTF-8''${encodeURIComponent(`${baseName}-errors.csv`)}`,
        );
        // A byte-order mark: Excel then reads the file as UTF-8 in every language.
        res.write('\uFEFF');
        const csv = stringify({
          header: true,
          columns: ['row', 'line', 'column', 'field', 'message'],
        });
        csv.pipe(res);
        let after: string | null = null;
        for (;;) {
          const page = await deps.imports.errorPage(op, id, ERROR_PAGE, after);
          for (const { node } of page.edges)
            csv.write([node.rowNumber, node.line, node.column, node.field, node.message]);
          if (!page.pageInfo.hasNextPage) break;
          after = page.pageInfo.endCursor;
        }
        csv.end();
        await new Promise((resolve) => res.once('finish', resolve));
      });
    } catch (error) {
      if (res.headersSent) res.destroy();
      else refuse(res, error);
    }
  });
  return router;
}

function parseEntity(value: unknown): ImportEntityKind {
  if (typeof value === 'string' && value in ImportEntityKind) return value as ImportEntityKind;
  throw badUserInput([
    { field: 'entity', message: `must be one of ${Object.values(ImportEntityKind).join(', ')}` },
  ]);
}

function parseFileName(value: unknown): string {
  const name = typeof value === 'string' ? value.trim() : '';
  if (!name || name.length > 255)
    throw badUserInput([{ field: 'fileName', message: 'is required (at most 255 characters)' }]);
  return name;
}

/** A file over the limit is 413; the rest as every route answers them. */
function refuse(res: Response, error: unknown): void {
  if (error instanceof FileTooLarge)
    res.status(413).json({ error: { code: error.code, message: error.message } });
  else refuseRequest(res, error, 'import');
}
