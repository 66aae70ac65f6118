import { type AppErrorInfo, ERROR_CODES, type ErrorCode } from '../lib/graphql-errors.js';
import type { SessionStore } from '../stores/session.js';
import { refreshSession } from './auth-api.js';
import { expiresSoon } from './urql-client.js';

// The api's plain HTTP routes (file upload and download) authenticate like GraphQL: the access
// token and the active tenant in headers. A link cannot carry them, so files go through fetch.

/** The headers GraphQL requests carry, after refreshing a token about to expire. */
async function authHeaders(session: SessionStore): Promise<Record<string, string>> {
  if (session.tokens && expiresSoon(session)) await refreshSession(session);
  const headers: Record<string, string> = { 'accept-language': session.locale };
  if (session.tokens) headers.authorization = `Bearer ${session.tokens.accessToken}`;
  if (session.activeTenantId) headers['x-tenant-id'] = session.activeTenantId;
  return headers;
}

/** A refused route's answer (`{ error: { code, message, fields } }`) as the admin's error. */
export function routeError(status: number, body: unknown): AppErrorInfo {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = (ERROR_CODES as readonly unknown[]).includes(error?.code)
    ? (error?.code as ErrorCode)
    : status === 413
      ? 'BAD_USER_INPUT'
      : 'INTERNAL_SERVER_ERROR';
  const message = typeof error?.message === 'string' ? error.message : `HTTP ${status}`;
  return { code, message, fields: [] };
}

const networkError = (error: unknown): AppErrorInfo => ({
  code: 'NETWORK_ERROR',
  message: String(error),
  fields: [],
});

export type UploadResult<T> = { ok: true; body: T } | { ok: false; error: AppErrorInfo };

/**
 * Sends a file as the raw request body, reporting the share sent (0…1) as it goes: XHR, since
 * fetch tells nothing of an upload's progress.
 */
export async function uploadFile<T>(
  session: SessionStore,
  url: string,
  file: Blob,
  onProgress: (share: number) => void,
): Promise<UploadResult<T>> {
  const headers = await authHeaders(session);
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.setRequestHeader('content-type', file.type || 'text/csv');
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(request.responseText);
      } catch {
        body = null;
      }
      if (request.status >= 200 && request.status < 300) {
        onProgress(1);
        resolve({ ok: true, body: body as T });
      } else resolve({ ok: false, error: routeError(request.status, body) });
    };
    request.onerror = () => resolve({ ok: false, error: networkError('upload failed') });
    request.send(file);
  });
}

/** The file name a Content-Disposition header gives (`filename*` first), if any. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const encoded = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (encoded) {
    try {
      return decodeURIComponent(encoded.trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  return /filename\s*=\s*"?([^";]+)"?/i.exec(disposition)?.[1]?.trim() || null;
}

/** Saves a blob as a file the browser downloads. */
export function saveBlob(blob: Blob, fileName: string): void {
  const href = URL.createObjectURL(blob);
  const link = Object.assign(document.createElement('a'), { href, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(href), 0);
}

/**
 * Downloads a file of the api (an export, an error report) with the session's headers and hands
 * it to the browser under the name the api gives it. Resolves to the error, or null.
 */
export async function downloadFile(
  session: SessionStore,
  path: string,
  fallbackName: string,
): Promise<AppErrorInfo | null> {
  try {
    const response = await fetch(path, { headers: await authHeaders(session) });
    if (!response.ok) {
      const body: unknown = await response.json().catch(() => null);
      return routeError(response.status, body);
    }
    const name = fileNameOf(response.headers.get('content-disposition')) ?? fallbackName;
    saveBlob(await response.blob(), name);
    return null;
  } catch (error) {
    return networkError(error);
  }
}
