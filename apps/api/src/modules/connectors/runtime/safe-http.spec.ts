import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { isGlobalUnicast, safeGet } from './safe-http.js';

describe(isGlobalUnicast.name, () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '255.255.255.255',
    '224.0.0.1',
    '240.0.0.1',
    // Special-purpose ranges a blocklist of private networks missed:
    '192.0.0.8',
    '192.0.2.10',
    '198.18.0.1',
    '198.19.255.1',
    '198.51.100.7',
    '203.0.113.9',
    '192.88.99.1',
    '::',
    '::1',
    'fd00::1',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '64:ff9b::a00:1',
    '2001:db8::1',
    '2002:c0a8:101::1',
    '2001::1',
    '4000::1',
    'not-an-ip',
  ])('refuses %s', (address) => {
    expect(isGlobalUnicast(address)).toBe(false);
  });

  it.each(['93.184.216.34', '1.1.1.1', '::ffff:8.8.8.8', '2606:4700:4700::1111'])(
    'allows %s',
    (address) => {
      expect(isGlobalUnicast(address)).toBe(true);
    },
  );
});

describe('safeGet across redirects', () => {
  async function serve(handler: (req: IncomingMessage, res: ServerResponse) => void) {
    const server = createServer(handler).listen(0, '127.0.0.1');
    await once(server, 'listening');
    const { port } = server.address() as AddressInfo;
    return { server, url: `http://127.0.0.1:${port}` };
  }

  it('keeps a token on its own origin and drops it when redirected to another', async () => {
    const seen: Array<string | undefined> = [];
    const target = await serve((req, res) => {
      seen.push(req.headers.authorization);
      res.end('ok');
    });
    const origin = await serve((req, res) => {
      if (req.url === '/same') {
        seen.push(req.headers.authorization);
        return res.end('ok');
      }
      const location = req.url === '/elsewhere' ? `${target.url}/` : '/same';
      res.writeHead(302, { location }).end();
    });
    try {
      const options = { headers: { Authorization: 'Bearer secret' }, allowPrivate: true };
      (await safeGet(`${origin.url}/here`, options)).resume();
      (await safeGet(`${origin.url}/elsewhere`, options)).resume();
      expect(seen).toEqual(['Bearer secret', undefined]);
    } finally {
      origin.server.close();
      target.server.close();
    }
  });
});
