import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';
import { ConnectorFailure, ConnectorProblem } from './connector-problem.js';

/** IPv6 global unicast space (RFC 4291): ipaddr.js calls anything unlisted "unicast". */
const GLOBAL_IPV6 = ipaddr.parseCIDR('2000::/3');

/**
 * Whether a tenant's URL may reach this address: only global unicast, by ipaddr.js's
 * classification of the special-purpose registries (private, loopback, link-local, shared,
 * documentation, benchmarking, NAT64, 6to4, Teredo…), IPv4-mapped IPv6 as its IPv4.
 */
export function isGlobalUnicast(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  return parsed.kind() === 'ipv4' || parsed.match(GLOBAL_IPV6);
}

export interface SafeRequestOptions {
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Loopback and private networks are refused unless this is set (tests, on-premises). */
  readonly allowPrivate: boolean;
  readonly maxRedirects?: number;
}

/**
 * GET over http(s) that checks every address the name resolves to (and every redirect),
 * at connection time, so DNS rebinding cannot slip a private address past the check. A
 * redirect to another origin loses the Authorization header: a token stays with its server.
 */
export async function safeGet(url: string, options: SafeRequestOptions): Promise<IncomingMessage> {
  let current = new URL(url);
  let headers = options.headers ?? {};
  for (let hop = 0; ; hop += 1) {
    const response = await getOnce(current, { ...options, headers });
    const location = response.headers.location;
    if (!location || ![301, 302, 303, 307, 308].includes(response.statusCode ?? 0)) return response;
    response.resume();
    if (hop >= (options.maxRedirects ?? 3))
      throw new ConnectorFailure(ConnectorProblem.TOO_MANY_REDIRECTS, 'Too many redirects');
    const next = new URL(location, current);
    if (next.origin !== current.origin) headers = withoutAuthorization(headers);
    current = next;
  }
}

function withoutAuthorization(headers: Record<string, string>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).filter(([name]) => name.toLowerCase() !== 'authorization'),
  );
}

function getOnce(url: URL, options: SafeRequestOptions): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(
      new ConnectorFailure(ConnectorProblem.OTHER, `Unsupported scheme ${url.protocol}`),
    );
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !options.allowPrivate && !isGlobalUnicast(host))
    return Promise.reject(notAllowed());
  const request = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(url, {
      method: 'GET',
      headers: options.headers,
      signal: options.signal,
      lookup: options.allowPrivate ? undefined : checkedLookup,
    });
    req.once('response', resolve);
    req.once('error', reject);
    req.end();
  });
}

const notAllowed = () =>
  new ConnectorFailure(ConnectorProblem.ADDRESS_NOT_ALLOWED, 'Address not allowed');

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function checkedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (!addresses.every((entry) => isGlobalUnicast(entry.address)))
      return callback(notAllowed(), []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first)
      return callback(
        new ConnectorFailure(ConnectorProblem.HOST_NOT_FOUND, `No address for ${hostname}`),
        [],
      );
    callback(null, first.address, first.family);
  });
}

/** Reads a whole body, refusing more than `limit` bytes. */
export async function readBody(response: IncomingMessage, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of response) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      response.destroy();
      throw new ConnectorFailure(ConnectorProblem.TOO_LARGE, `Response larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
