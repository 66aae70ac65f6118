/** Posts NDJSON to the bulk ingest route and parses the NDJSON answer. */
export async function postNdjson(
  apiUrl: string,
  token: string | null,
  lines: string[],
): Promise<{ status: number; rows: Array<Record<string, unknown>> }> {
  const response = await fetch(`${apiUrl}/api/ingest/mentions`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-ndjson',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
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
