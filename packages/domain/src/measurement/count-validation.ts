/**
 * Throws a `RangeError` naming `field` unless `value` is a finite, non-negative number.
 * Counts and audience figures share this check so every error names the offending field.
 */
export function assertNonNegative(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new RangeError(`${field} must be a finite number >= 0 (got ${value})`);
  }
}
