/**
 * graphql-ws serialises every `next` message for every subscriber, so a feed event shared by
 * hundreds of subscribers (one result object: see shared-subscription-execution.ts) would be
 * turned into the same JSON hundreds of times. Instead the message replacer leaves a marker
 * where the payload goes and remembers the payload's JSON, made once per result object; the
 * socket's send (called right after, synchronously) puts that JSON in the marker's place.
 */
const MARKER = '\u0000shared-payload';
/** `payload` is the last key of a `next` message: `{"id":…,"type":"next","payload":<marker>}`. */
const MARKED_END = `${JSON.stringify(MARKER)}}`;

const serialised = new WeakMap<object, string>();
let pending: string | null = null;

/** graphql-ws's `jsonMessageReplacer`: `this` is the object holding `key`. */
export function replaceNextPayload(this: unknown, key: string, value: unknown): unknown {
  if (key !== 'payload' || typeof value !== 'object' || value === null) return value;
  if ((this as { type?: unknown }).type !== 'next') return value;
  let json = serialised.get(value);
  if (json === undefined) {
    json = JSON.stringify(value);
    serialised.set(value, json);
  }
  pending = json;
  return MARKER;
}

/** The message as it goes out: the payload's JSON where the replacer left its marker. */
export function withPayloadJson(data: string): string {
  const json = pending;
  pending = null;
  if (json === null || !data.endsWith(MARKED_END)) return data;
  return `${data.slice(0, -MARKED_END.length)}${json}}`;
}
