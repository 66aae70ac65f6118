import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './server-sent-events.js';

async function collect(chunks: Iterable<string>, maxEventChars?: number) {
  const events = [];
  for await (const event of readServerSentEvents(chunks, maxEventChars)) events.push(event);
  return events;
}

describe(readServerSentEvents.name, () => {
  it('reads events split across chunks, skipping heartbeats', async () => {
    expect(
      await collect([
        ':)\n',
        ':thump\n\nevent: upd',
        'ate\ndata: {"id":"1"}\r\n\r\n',
        'event: delete\ndata: 2\n\n',
      ]),
    ).toEqual([
      { event: 'update', data: '{"id":"1"}' },
      { event: 'delete', data: '2' },
    ]);
  });

  it('joins data lines and names unnamed events "message"', async () => {
    expect(await collect(['data: a\ndata: b\n\n'])).toEqual([{ event: 'message', data: 'a\nb' }]);
  });

  it('waits for the LF of a CRLF that arrives in the next chunk', async () => {
    expect(await collect(['data: a\r', '\ndata: b\r\n\r', '\n'])).toEqual([
      { event: 'message', data: 'a\nb' },
    ]);
  });

  it('stops an endless line once it passes the limit, without buffering it all', async () => {
    let fed = 0;
    function* endless() {
      yield 'data: {"id":"1"}\n\n';
      while (fed < 10_000_000) {
        fed += 1000;
        yield 'x'.repeat(1000);
      }
    }
    const events: unknown[] = [];
    await expect(async () => {
      for await (const event of readServerSentEvents(endless(), 64 * 1024)) events.push(event);
    }).rejects.toThrow('size limit');
    expect(events).toEqual([{ event: 'message', data: '{"id":"1"}' }]);
    expect(fed).toBeLessThan(100_000);
  });
});
