import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared data sets: SHARED_DATA_DIR, else `../shared/data` beside the repository. */
export function sharedDataDir(): string {
  if (process.env.SHARED_DATA_DIR) return process.env.SHARED_DATA_DIR;
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('pnpm-workspace.yaml not found');
    dir = parent;
  }
  return join(dir, '..', 'shared', 'data');
}

/**
 * A CDNOW file as the CSV a shop would export: one order per purchase, numbered by its line.
 * CDNOW_master.txt holds customer id, yyyymmdd, CDs, dollars after a header line;
 * CDNOW_sample.txt holds master id, sample id (1–2357, the papers' customer), yyyymmdd, CDs,
 * dollars with no header. The totals are the file's own, counted here in cents.
 */
export function cdnowAsCsv(file: 'master' | 'sample' = 'master') {
  const text = readFileSync(join(sharedDataDir(), 'cdnow', `CDNOW_${file}.txt`), 'utf8');
  const lines = text
    .split('\n')
    .slice(file === 'master' ? 1 : 0)
    .filter((line) => line.trim());
  const customers = new Set<string>();
  let cents = 0;
  let cds = 0;
  const rows = lines.map((line, index) => {
    const fields = line.trim().split(/\s+/);
    const [customer = '', date = '', count = '', dollars = ''] =
      file === 'master' ? fields : fields.slice(1);
    customers.add(customer);
    cds += Number(count);
    cents += Math.round(Number(dollars) * 100);
    return `cdnow-${file}-${index + 2},${customer},${date},${count},${dollars},USD`;
  });
  const csv = ['Order id,Customer id,Order date,Item count,Amount,Currency', ...rows].join('\n');
  return { csv, orders: lines.length, customers: customers.size, cents, cds };
}

/** How the order import maps the CSV's columns. */
export const CDNOW_MAPPING = [
  { column: 'Order id', field: 'externalId' },
  { column: 'Customer id', field: 'contactExternalId' },
  { column: 'Order date', field: 'orderedAt' },
  { column: 'Item count', field: 'itemCount' },
  { column: 'Amount', field: 'amount' },
  { column: 'Currency', field: 'currency' },
];
