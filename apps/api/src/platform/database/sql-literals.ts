import { isUuid } from '../uuid.js';

/**
 * Values written into SQL text, for the few statements sent without parameters (see
 * `OperationScopes.script`): only shapes that cannot carry anything but their value pass.
 */
const UNSIGNED_INTEGER = /^\d{1,18}$/;

export function uuidLiteral(value: string): string {
  if (!isUuid(value)) throw new TypeError('not a UUID');
  return `'${value.toLowerCase()}'::uuid`;
}

/** A list of UUIDs as one `uuid[]` literal (empty allowed). */
export function uuidArrayLiteral(values: readonly string[]): string {
  return `ARRAY[${values.map(uuidLiteral).join(', ')}]::uuid[]`;
}

export function unsignedIntegerLiteral(value: string | number): string {
  const text = String(value);
  if (!UNSIGNED_INTEGER.test(text)) throw new TypeError('not an unsigned integer');
  return text;
}
