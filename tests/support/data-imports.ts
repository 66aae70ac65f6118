import { readFileSync } from 'node:fs';
import { type Caller, gql } from './graphql-client.js';

/** A fixture file of tests/support/fixtures/imports, as bytes. */
export const importFixture = (name: string): Buffer =>
  readFileSync(new URL(`./fixtures/imports/${name}`, import.meta.url));

/** Uploads a file as the admin does: the raw bytes as the body. */
export async function uploadImport(
  apiUrl: string,
  caller: Caller,
  entity: string,
  fileName: string,
  body: Buffer | string | ReadableStream<Uint8Array>,
): Promise<{ status: number; id?: string; error?: { code: string; message: string } }> {
  const headers: Record<string, string> = { 'content-type': 'text/csv' };
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.tenantId) headers['x-tenant-id'] = caller.tenantId;
  const query = new URLSearchParams({ entity, fileName });
  const response = await fetch(`${apiUrl}/api/imports?${query}`, {
    method: 'POST',
    headers,
    body,
    ...(body instanceof ReadableStream ? { duplex: 'half' } : {}),
  } as RequestInit);
  return { status: response.status, ...((await response.json()) as object) };
}

export const DATA_IMPORT_FIELDS = `id entity fileName state encoding delimiter headers sampleRows
  mapping { column field } dryRun warnings failure totalRows processedRows importedRows failedRows
  createdAt startedAt finishedAt`;

export interface DataImportView {
  id: string;
  state: string;
  encoding: string;
  delimiter: string;
  headers: string[];
  sampleRows: string[][];
  mapping: Array<{ column: string; field: string }>;
  dryRun: boolean;
  warnings: string[];
  failure: string | null;
  totalRows: number;
  processedRows: number;
  importedRows: number;
  failedRows: number;
  errors?: {
    totalCount: number;
    edges: Array<{
      node: {
        rowNumber: number | null;
        line: number | null;
        column: string | null;
        field: string | null;
        message: string;
      };
    }>;
  };
}

export async function readImport(
  graphqlUrl: string,
  caller: Caller,
  id: string,
): Promise<DataImportView> {
  const response = await gql<{ dataImport: DataImportView }>(
    graphqlUrl,
    `query ($id: ID!) { dataImport(id: $id) { ${DATA_IMPORT_FIELDS}
       errors(first: 100) { totalCount edges { node { rowNumber line column field message } } } } }`,
    { id },
    caller,
  );
  if (!response.data) throw new Error(`dataImport failed: ${JSON.stringify(response.errors)}`);
  return response.data.dataImport;
}

export const START_DATA_IMPORT = `mutation ($id: ID!, $input: StartDataImportInput!) {
  startDataImport(id: $id, input: $input) { id state dryRun warnings } }`;

/** Starts a run and waits (polling each 200 ms, as the admin does each second) until it ends. */
export async function runImport(
  graphqlUrl: string,
  caller: Caller,
  id: string,
  input: Record<string, unknown>,
  timeoutMs = 60_000,
): Promise<DataImportView> {
  const started = await gql(graphqlUrl, START_DATA_IMPORT, { id, input }, caller);
  if (started.errors) throw new Error(`startDataImport failed: ${JSON.stringify(started.errors)}`);
  return waitForImport(graphqlUrl, caller, id, timeoutMs);
}

export async function waitForImport(
  graphqlUrl: string,
  caller: Caller,
  id: string,
  timeoutMs = 60_000,
): Promise<DataImportView> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await readImport(graphqlUrl, caller, id);
    if (current.state === 'SUCCEEDED' || current.state === 'FAILED') return current;
    if (Date.now() > deadline) throw new Error(`import ${id} still ${current.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
