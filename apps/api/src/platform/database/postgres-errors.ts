import { QueryFailedError } from 'typeorm';

const UNIQUE_VIOLATION = '23505';

/** True for a unique-key violation; callers answer CONFLICT without the database's text. */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? error.driverError : error;
  return (driverError as { code?: string } | null)?.code === UNIQUE_VIOLATION;
}
