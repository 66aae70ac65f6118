import { describe, expect, it } from 'vitest';
import { readServerSentEvents } from './server-sent-events.js';

async function collect(chunks: string[]) {
  const events = [];
  for await (const event of readServerSentEvents(chunks)) events.push(event);
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
});
