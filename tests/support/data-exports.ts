import { type Caller, gql } from './graphql-client.js';

export const DATA_EXPORT_FIELDS = `id entity state search locale fileName totalRows processedRows byteSize
  failure downloadPath createdAt startedAt finishedAt`;

export interface DataExportView {
  id: string;
  entity: string;
  state: string;
  locale: string;
  fileName: string;
  totalRows: number | null;
  processedRows: number;
  byteSize: number;
  failure: string | null;
  downloadPath: string | null;
}

export const START_DATA_EXPORT = `mutation ($input: StartDataExportInput!) {
  startDataExport(input: $input) { ${DATA_EXPORT_FIELDS} }
}`;

export async function readExport(
  graphqlUrl: string,
  caller: Caller,
  id: string,
): Promise<DataExportView> {
  const response = await gql<{ dataExport: DataExportView }>(
    graphqlUrl,
    `query ($id: ID!) { dataExport(id: $id) { ${DATA_EXPORT_FIELDS} } }`,
    { id },
    caller,
  );
  if (!response.data?.dataExport)
    throw new Error(`dataExport failed: ${JSON.stringify(response.errors)}`);
  return response.data.dataExport;
}

/** Starts an export and waits (polling each 200 ms) until its job ends. */
export async function runExport(
  graphqlUrl: string,
  caller: Caller,
  input: Record<string, unknown>,
  timeoutMs = 60_000,
): Promise<DataExportView> {
  const started = await gql<{ startDataExport: DataExportView }>(
    graphqlUrl,
    START_DATA_EXPORT,
    { input },
    caller,
  );
  const id = started.data?.startDataExport.id;
  if (!id) throw new Error(`startDataExport failed: ${JSON.stringify(started.errors)}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const current = await readExport(graphqlUrl, caller, id);
    if (current.state === 'SUCCEEDED' || current.state === 'FAILED') return current;
    if (Date.now() > deadline) throw new Error(`export ${id} still ${current.state}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Downloads an export's file as the admin does (Bearer token and X-Tenant-Id). */
export async function downloadExport(
  apiUrl: string,
  caller: Caller,
  id: string,
): Promise<{ status: number; headers: Headers; bytes: Buffer }> {
  const headers: Record<string, string> = {};
  if (caller.token) headers.authorization = `Bearer ${caller.token}`;
  if (caller.tenantId) headers['x-tenant-id'] = caller.tenantId;
  const response = await fetch(`${apiUrl}/api/exports/${id}/file`, { headers });
  return {
    status: response.status,
    headers: response.headers,
    bytes: Buffer.from(await response.arrayBuffer()),
  };
}
