/** Posts NDJSON to a bulk route (mentions unless told) and parses the NDJSON answer. */
export async function postNdjson(
  apiUrl: string,
  token: string | null,
  lines: string[],
  { path = '/api/ingest/mentions', tenantId }: { path?: string; tenantId?: string } = {},
): Promise<{ status: number; rows: Array<Record<string, unknown>> }> {
  const response = await fetch(`${apiUrl}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-ndjson',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...(tenantId ? { 'x-tenant-id': tenantId } : {}),
    },
    body: lines.join('\n'),
  });
  const text = await response.text();
  const rows = text
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: response.status, rows };
}
