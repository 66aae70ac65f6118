import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { type CsvEvent, csvEvents, UnreadableCsv } from './csv-records.js';

async function eventsOf(text: string, chunkBytes = 5, encoding = 'UTF-8', delimiter = ',') {
  const bytes = iconv.encode(text, encoding, { addBOM: encoding !== 'UTF-8' });
  async function* chunks() {
    for (let at = 0; at < bytes.length; at += chunkBytes) yield bytes.subarray(at, at + chunkBytes);
  }
  const events: CsvEvent[] = [];
  try {
    for await (const event of csvEvents(chunks(), encoding as never, delimiter as never))
      events.push(event);
  } catch (error) {
    if (!(error instanceof UnreadableCsv)) throw error;
    events.push({ kind: 'error', line: error.line, message: `FATAL ${error.message}` });
  }
  return events;
}

describe(csvEvents.name, () => {
  it('reads quoted delimiters, doubled quotes and line breaks across chunks, CRLF and a BOM', async () => {
    const text =
      '\uFEFFid,name\r\n1,"Lee, Ann"\r\n2,"say ""hi"""\r\n3,"two\r\nlines"\r\n\r\n4,Dan\r\n';
    expect(await eventsOf(text)).toEqual([
      { kind: 'record', values: ['id', 'name'], line: 1 },
      { kind: 'record', values: ['1', 'Lee, Ann'], line: 2 },
      { kind: 'record', values: ['2', 'say "hi"'], line: 3 },
      { kind: 'record', values: ['3', 'two\r\nlines'], line: 4 },
      { kind: 'record', values: ['4', 'Dan'], line: 7 },
    ]);
  });

  it('decodes a legacy encoding whose characters a chunk boundary splits', async () => {
    const events = await eventsOf('имя;город\nИван;Москва\n', 3, 'UTF-16LE', ';');
    expect(events.map((event) => event.kind === 'record' && event.values)).toEqual([
      ['имя', 'город'],
      ['Иван', 'Москва'],
    ]);
  });

  it('makes each broken record one error naming its line, and reads on', async () => {
    const text = 'id,name\n1,"bad "quote" here"\n2,ok\n3,un"quoted\n4,a,extra\n5,fine\n';
    expect(await eventsOf(text)).toEqual([
      { kind: 'record', values: ['id', 'name'], line: 1 },
      { kind: 'error', line: 2, message: expect.stringMatching(/^broken quoting/) },
      { kind: 'record', values: ['2', 'ok'], line: 3 },
      { kind: 'error', line: 4, message: expect.stringMatching(/^broken quoting/) },
      { kind: 'error', line: 5, message: 'has 3 columns where the header has 2' },
      { kind: 'record', values: ['5', 'fine'], line: 6 },
    ]);
  });

  it('stops at a quote never closed, naming the line it opened on', async () => {
    const events = await eventsOf('id,name\n1,ok\n2,"open\n3,lost\n');
    expect(events.at(-1)).toEqual({
      kind: 'error',
      line: 3,
      message: expect.stringMatching(/^FATAL line 3: a quoted value opened here is never closed/),
    });
    expect(events.filter((event) => event.kind === 'record')).toHaveLength(2);
  });
});
