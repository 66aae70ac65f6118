import { createParser, type EventSourceMessage, type ParseError } from 'eventsource-parser';
import { ConnectorFailure, ConnectorProblem } from '../runtime/connector-problem.js';

export interface ServerSentEvent {
  readonly event: string;
  readonly data: string;
}

/** A status is a few kB; an event this large is a hostile or broken server. */
export const MAX_EVENT_CHARS = 1024 * 1024;

/**
 * Events of a text/event-stream body (the WHATWG format, parsed by eventsource-parser):
 * comments (Mastodon's `:thump` heartbeats) are skipped. A line or event that grows past
 * `maxEventChars` before it ends stops the stream, so one endless line cannot grow memory.
 */
export async function* readServerSentEvents(
  chunks: AsyncIterable<Buffer | string> | Iterable<Buffer | string>,
  maxEventChars = MAX_EVENT_CHARS,
): AsyncGenerator<ServerSentEvent> {
  const decoder = new TextDecoder();
  let ready: ServerSentEvent[] = [];
  let failure: ParseError | null = null;
  const parser = createParser({
    maxBufferSize: maxEventChars,
    onEvent: (message: EventSourceMessage) => {
      ready.push({ event: message.event || 'message', data: message.data });
    },
    onError: (error) => {
      if (error.type === 'max-buffer-size-exceeded') failure = error;
    },
  });
  for await (const chunk of chunks) {
    parser.feed(typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true }));
    if (failure) {
      throw new ConnectorFailure(ConnectorProblem.TOO_LARGE, 'An event exceeded its size limit');
    }
    const events = ready;
    ready = [];
    yield* events;
  }
}
