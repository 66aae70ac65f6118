import { describe, expect, it } from 'vitest';
import { replaceNextPayload, withPayloadJson } from './shared-payload-json.js';

/** What graphql-ws does per message: stringify with the replacer, then send. */
const send = (message: object) => withPayloadJson(JSON.stringify(message, replaceNextPayload));

describe('shared payload JSON', () => {
  it('sends exactly what a plain JSON.stringify of the message would', () => {
    const payload = { data: { mentionAdded: { cursor: '7', text: 'quote " and \u0000 "}' } } };
    for (const id of ['1', 'a"b', '\u0000shared-payload'])
      expect(JSON.parse(send({ id, type: 'next', payload }))).toEqual({
        id,
        type: 'next',
        payload,
      });
  });

  it('serialises one payload object once for all the messages that carry it', () => {
    const payload = { data: { n: 1 } };
    const first = send({ id: 'a', type: 'next', payload });
    payload.data.n = 2; // a second serialisation would show this
    const second = send({ id: 'b', type: 'next', payload });
    expect(JSON.parse(first).payload).toEqual({ data: { n: 1 } });
    expect(JSON.parse(second).payload).toEqual({ data: { n: 1 } });
  });

  it('leaves other messages alone, even right after a payload was left unsent', () => {
    JSON.stringify({ id: 'x', type: 'next', payload: { data: {} } }, replaceNextPayload);
    const error = { id: 'y', type: 'error', payload: [{ message: 'boom' }] };
    expect(send(error)).toBe(JSON.stringify(error));
    expect(send({ id: 'y', type: 'complete' })).toBe('{"id":"y","type":"complete"}');
  });
});
