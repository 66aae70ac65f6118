import type { Validators } from '../runtime/connector-health.js';
import { ConnectorFailure, httpProblem } from '../runtime/connector-problem.js';
import { readBody, safeGet } from '../runtime/safe-http.js';

const MAX_FEED_BYTES = 5 * 1024 * 1024;
const TIMEOUT_MS = 20_000;

export type FeedResponse =
  | { readonly notModified: true }
  | { readonly notModified: false; readonly body: string; readonly validators: Validators };

/** A conditional GET: the stored ETag and Last-Modified are sent back; 304 means nothing new. */
export async function fetchFeed(
  url: string,
  previous: Validators,
  allowPrivate: boolean,
): Promise<FeedResponse> {
  const headers: Record<string, string> = {
    accept:
      'application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.1',
    'user-agent': 'SocialCRM-FeedPoller/1.0',
  };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified) headers['if-modified-since'] = previous.lastModified;
  const response = await safeGet(url, {
    headers,
    allowPrivate,
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  if (response.statusCode === 304) {
    response.resume();
    return { notModified: true };
  }
  if (response.statusCode !== 200) {
    response.resume();
    throw new ConnectorFailure(
      httpProblem(response.statusCode),
      `Feed answered HTTP ${response.statusCode}`,
    );
  }
  const body = (await readBody(response, MAX_FEED_BYTES)).toString('utf8');
  return {
    notModified: false,
    body,
    validators: {
      etag: header(response.headers.etag),
      lastModified: header(response.headers['last-modified']),
    },
  };
}

const header = (value: string | string[] | undefined) =>
  (Array.isArray(value) ? value[0] : value) ?? null;
