import { describe, expect, it } from 'vitest';
import { columnFinder, rowReader } from './row-reader.js';

const contacts = rowReader({
  entity: 'CONTACTS',
  encoding: 'UTF-8',
  headers: ['Id', 'Mail', 'Name', 'Notes'],
  mapping: [
    { column: 'Id', field: 'externalId' },
    { column: 'Mail', field: 'emails' },
    { column: 'Name', field: 'firstName' },
  ],
});
const record = (line: number, ...values: string[]) => ({ kind: 'record' as const, values, line });

describe(rowReader.name, () => {
  it('maps the mapped columns, leaving empty cells and unmapped columns out', () => {
    expect(contacts(record(2, 'x1', '', 'Ann', 'ignored'), 1)).toEqual({
      position: 1,
      line: 2,
      values: { externalId: 'x1', firstName: 'Ann' },
    });
  });

  it('refuses a later row with the same key: its external id, else its first email in any case', () => {
    const read = rowReader({
      entity: 'CONTACTS',
      encoding: 'UTF-8',
      headers: ['Id', 'Mail'],
      mapping: [
        { column: 'Id', field: 'externalId' },
        { column: 'Mail', field: 'emails' },
      ],
    });
    expect(read(record(2, '', 'Ann@Example.com; ann@work.com'), 1).values).toEqual({
      emails: 'Ann@Example.com; ann@work.com',
    });
    // An external id is the key where given: the same email is then another contact's.
    expect(read(record(3, 'x1', 'ann@example.com'), 2).problems).toBeUndefined();
    expect(read(record(4, '', ' ann@example.com'), 3)).toEqual({
      position: 3,
      line: 4,
      problems: [
        {
          column: 'Mail',
          field: 'emails',
          message: '"ann@example.com" is already in the file, on line 2',
        },
      ],
    });
    expect(read(record(5, 'x1', 'other@example.com'), 4).problems).toEqual([
      { column: 'Id', field: 'externalId', message: '"x1" is already in the file, on line 3' },
    ]);
  });

  it('refuses a value the encoding could not decode, naming its column', () => {
    expect(contacts(record(4, 'x2', '', 'Jos\uFFFD'), 2).problems).toEqual([
      {
        column: 'Name',
        field: 'firstName',
        message: "is not UTF-8 text: choose the file's encoding when starting the import",
      },
    ]);
  });

  it('passes a line that is not CSV on as its own problem', () => {
    expect(contacts({ kind: 'error', line: 7, message: 'broken quoting' }, 3)).toEqual({
      position: 3,
      line: 7,
      problems: [{ column: null, field: null, message: 'broken quoting' }],
    });
  });
});

describe(columnFinder.name, () => {
  it('finds the column of a field, or of a part of one', () => {
    const find = columnFinder([{ column: 'Phones', field: 'phones' }]);
    expect(find('phones')).toBe('Phones');
    expect(find('phones.1')).toBe('Phones');
    expect(find('phonesExtra')).toBeNull();
  });
});
