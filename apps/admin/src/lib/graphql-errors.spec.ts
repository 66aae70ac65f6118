import { CombinedError } from '@urql/core';
import { describe, expect, it } from 'vitest';
import { fieldMessages, parseFieldPath, toAppError } from './graphql-errors.js';

describe(parseFieldPath.name, () => {
  it('drops the input prefix and reads a list index', () => {
    expect(parseFieldPath('input.hashtags.2')).toEqual({
      field: 'hashtags',
      index: 2,
      path: 'hashtags.2',
    });
    expect(parseFieldPath('input.name')).toEqual({ field: 'name', index: null, path: 'name' });
    expect(parseFieldPath('X-Tenant-Id')).toEqual({
      field: 'X-Tenant-Id',
      index: null,
      path: 'X-Tenant-Id',
    });
    expect(parseFieldPath('input.settings.feedUrl')).toMatchObject({
      field: 'settings',
      path: 'settings.feedUrl',
    });
  });
});

describe(toAppError.name, () => {
  it('reads the code and field problems of an urql error', () => {
    const error = new CombinedError({
      graphQLErrors: [
        {
          message: 'input.hashtags.1: must be a hashtag',
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [
              { field: 'input.hashtags.1', message: 'must be a hashtag' },
              { field: 'input.name', message: 'is required' },
            ],
          },
        },
      ],
    });
    expect(toAppError(error)).toEqual({
      code: 'BAD_USER_INPUT',
      message: 'input.hashtags.1: must be a hashtag',
      fields: [
        { field: 'hashtags', index: 1, path: 'hashtags.1', message: 'must be a hashtag' },
        { field: 'name', index: null, path: 'name', message: 'is required' },
      ],
    });
  });

  it('treats an unknown code as an internal error and a network failure as NETWORK_ERROR', () => {
    expect(toAppError([{ message: 'boom', extensions: { code: 'WHATEVER' } }])?.code).toBe(
      'INTERNAL_SERVER_ERROR',
    );
    const offline = new CombinedError({ networkError: new Error('Failed to fetch') });
    expect(toAppError(offline)?.code).toBe('NETWORK_ERROR');
  });

  it("keeps the api's request id, from the error or from a failed response's header", () => {
    const refused = [{ message: 'no', extensions: { code: 'FORBIDDEN', requestId: 'req-42' } }];
    expect(toAppError(refused)?.requestId).toBe('req-42');
    const failed = new CombinedError({
      networkError: new Error('Internal Server Error'),
      response: new Response('', { status: 500, headers: { 'x-request-id': 'req-43' } }),
    });
    expect(toAppError(failed)).toMatchObject({ code: 'NETWORK_ERROR', requestId: 'req-43' });
  });

  it('returns null when there is no error', () => {
    expect(toAppError(undefined)).toBeNull();
    expect(toAppError([])).toBeNull();
  });
});

describe(fieldMessages.name, () => {
  it('joins the problems of a field and names the offending term', () => {
    const messages = fieldMessages(
      [
        { field: 'hashtags', index: 1, path: 'hashtags.1', message: 'must be a hashtag' },
        { field: 'hashtags', index: 2, path: 'hashtags.2', message: 'repeats "#a"' },
        { field: 'name', index: null, path: 'name', message: 'already exists' },
      ],
      { hashtags: ['#a', 'b c', '#A'] },
    );
    expect(messages).toEqual({
      hashtags: '“b c”: must be a hashtag; “#A”: repeats "#a"',
      name: 'already exists',
    });
  });
});
