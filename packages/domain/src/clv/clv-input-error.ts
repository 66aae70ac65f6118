/**
 * Raised when an input to a customer-value calculation is invalid. `field` names the offending
 * input (for example `retention` or `customers[12].tx`) so callers can point at it.
 */
export class ClvInputError extends RangeError {
  override readonly name = 'ClvInputError';

  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field} ${message}`);
  }
}

/** Throws a {@link ClvInputError} unless `value` is a finite number. */
export function assertFinite(field: string, value: number): void {
  if (!Number.isFinite(value))
    throw new ClvInputError(field, `must be a finite number (got ${value})`);
}

/** Throws a {@link ClvInputError} unless `value` is a finite number `>= 0`. */
export function assertNonNegative(field: string, value: number): void {
  if (!Number.isFinite(value) || value < 0) {
    throw new ClvInputError(field, `must be a finite number >= 0 (got ${value})`);
  }
}

/** Throws a {@link ClvInputError} unless `value` is a finite number `> 0`. */
export function assertPositive(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) {
    throw new ClvInputError(field, `must be a finite number > 0 (got ${value})`);
  }
}

/** Throws a {@link ClvInputError} unless `value` is an integer `>= 0`. */
export function assertCount(field: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) {
    throw new ClvInputError(field, `must be an integer >= 0 (got ${value})`);
  }
}
