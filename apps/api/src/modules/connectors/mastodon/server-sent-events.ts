export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/**
 * Events of a text/event-stream body (the WHATWG format): `event:` and `data:` lines up to a
 * blank line; comment lines (Mastodon's `:thump` heartbeats) are skipped.
 */
export async function* readServerSentEvents(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  for await (const chunk of chunks) {
    buffer += typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    let newline = buffer.search(/\r?\n|\r/);
    while (newline >= 0) {
      const line = buffer.slice(0, newline);
      const breakLength = buffer.startsWith('\r\n', newline) ? 2 : 1;
      buffer = buffer.slice(newline + breakLength);
      if (line === '') {
        if (data.length) yield { event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
      } else if (!line.startsWith(':')) {
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      newline = buffer.search(/\r?\n|\r/);
    }
  }
}
