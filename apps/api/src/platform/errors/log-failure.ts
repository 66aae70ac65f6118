import { QueryFailedError } from 'typeorm';
import { log } from '../logging/log.js';

/**
 * A failure as a log line: what failed and why, never a statement's parameters or the
 * database's detail (both carry the personal data that was being written). A database error
 * reads as its SQLSTATE, constraint and table; any other error keeps its name, message and stack.
 */
export function describeFailure(error: unknown): string {
  if (error instanceof QueryFailedError) {
    const driver = error.driverError as { code?: string; constraint?: string; table?: string };
    const where = [
      driver.constraint && `constraint ${driver.constraint}`,
      driver.table && `table ${driver.table}`,
    ]
      .filter(Boolean)
      .join(', ');
    return `database error ${driver.code ?? 'unknown'}${where ? ` (${where})` : ''}`;
  }
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return String(error);
}

/** Logs an unexpected failure at error level; `fields` are ids (request, tenant, connector). */
export function logFailure(
  what: string,
  error: unknown,
  fields: Record<string, unknown> = {},
): void {
  log.error({ ...fields, failure: describeFailure(error) }, what);
}
