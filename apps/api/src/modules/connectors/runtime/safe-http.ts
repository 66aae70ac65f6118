import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';

/** Addresses a tenant's URL must not reach unless explicitly allowed (SSRF). */
const PRIVATE = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.168.0.0', 16],
  ['224.0.0.0', 3],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  PRIVATE.addSubnet(net, prefix, 'ipv6');

export function isPrivateAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
  if (mapped) return isPrivateAddress(mapped);
  const family = isIP(address);
  if (family === 0) return true;
  return PRIVATE.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

export interface SafeRequestOptions {
  readonly headers?: Record<string, string>;
  readonly signal?: AbortSignal;
  /** Loopback and private networks are refused unless this is set (tests, on-premises). */
  readonly allowPrivate: boolean;
  readonly maxRedirects?: number;
}

export class FetchError extends Error {}

/**
 * GET over http(s) that checks every address the name resolves to (and every redirect),
 * at connection time, so DNS rebinding cannot slip a private address past the check.
 */
export async function safeGet(url: string, options: SafeRequestOptions): Promise<IncomingMessage> {
  let current = new URL(url);
  for (let hop = 0; ; hop += 1) {
    const response = await getOnce(current, options);
    const location = response.headers.location;
    if (!location || ![301, 302, 303, 307, 308].includes(response.statusCode ?? 0)) return response;
    response.resume();
    if (hop >= (options.maxRedirects ?? 3)) throw new FetchError('Too many redirects');
    current = new URL(location, current);
  }
}

function getOnce(url: URL, options: SafeRequestOptions): Promise<IncomingMessage> {
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return Promise.reject(new FetchError(`Unsupported scheme ${url.protocol}`));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (isIP(host) && !options.allowPrivate && isPrivateAddress(host))
    return Promise.reject(new FetchError('Address not allowed'));
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

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

function checkedLookup(hostname: string, options: LookupOptions, callback: LookupCallback): void {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    if (addresses.some((entry) => isPrivateAddress(entry.address)))
      return callback(new FetchError('Address not allowed'), []);
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first) return callback(new FetchError(`No address for ${hostname}`), []);
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
      throw new FetchError(`Response larger than ${limit} bytes`);
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
