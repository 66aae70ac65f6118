import { QueryFailedError } from 'typeorm';
import { describe, expect, it } from 'vitest';
import { describeFailure } from './log-failure.js';

describe(describeFailure.name, () => {
  it('names a database error by its code, constraint and table, without parameters or detail', () => {
    const driverError = Object.assign(new Error('duplicate key value'), {
      code: '23505',
      constraint: 'tracked_brand_name_key',
      table: 'tracked_brand',
      detail: 'Key (name)=(Ana Pérez) already exists.',
    });
    const error = new QueryFailedError('INSERT INTO tracked_brand …', ['Ana Pérez'], driverError);
    expect(describeFailure(error)).toBe(
      'database error 23505 (constraint tracked_brand_name_key, table tracked_brand)',
    );
  });

  it('keeps the message and stack of any other error', () => {
    expect(describeFailure(new TypeError('boom'))).toMatch(/^TypeError: boom\n\s+at /);
  });
});
