import type { ImportField } from '../../platform/import/import-target.js';

export interface ColumnMapping {
  readonly column: string;
  readonly field: string;
}

/** A saved mapping, most recently saved first. */
export interface SavedMapping {
  readonly mapping: readonly ColumnMapping[];
}

/** Lower case, without accents, spaces or punctuation: `E-mail`, `e_mail` and `Email` agree. */
const normalise = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');

/**
 * The mapping to suggest for a file's headers: the most recent saved mapping whose columns are
 * all in the file, or else each header whose name matches a field's key or label.
 */
export function suggestMapping(
  headers: readonly string[],
  fields: readonly ImportField[],
  saved: readonly SavedMapping[],
): ColumnMapping[] {
  const present = new Set(headers);
  const fitting = saved.find(
    ({ mapping }) => mapping.length && mapping.every(({ column }) => present.has(column)),
  );
  if (fitting) return [...fitting.mapping];
  const byName = new Map<string, string>();
  for (const field of fields) {
    byName.set(normalise(field.label), field.key);
    byName.set(normalise(field.key), field.key);
  }
  const taken = new Set<string>();
  const suggested: ColumnMapping[] = [];
  for (const column of headers) {
    const field = byName.get(normalise(column));
    if (field && !taken.has(field)) {
      taken.add(field);
      suggested.push({ column, field });
    }
  }
  return suggested;
}
