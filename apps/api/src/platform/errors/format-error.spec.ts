import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from './app-error.js';
import { createErrorFormatter } from './format-error.js';

describe(createErrorFormatter.name, () => {
  const logged: unknown[] = [];
  const format = createErrorFormatter((error) => logged.push(error));

  it('keeps the code, message and fields of an application error', () => {
    const error = new AppError(ErrorCode.Conflict, 'A brand with this name already exists', {
      fields: [{ field: 'input.name', message: 'taken' }],
    });
    const wrapped = new GraphQLError(error.message, {
      originalError: error,
      path: ['createBrand'],
    });
    expect(format({ message: error.message, path: ['createBrand'] }, wrapped)).toEqual({
      message: 'A brand with this name already exists',
      path: ['createBrand'],
      extensions: { code: 'CONFLICT', fields: [{ field: 'input.name', message: 'taken' }] },
    });
  });

  it('masks any other error, which could carry database text, and logs it', () => {
    const databaseError = new Error(
      'duplicate key value violates unique constraint "x" Key (tenant_id)=(secret)',
    );
    const wrapped = new GraphQLError(databaseError.message, {
      originalError: databaseError,
      path: ['brands'],
    });
    const formatted = format(
      {
        message: databaseError.message,
        extensions: { code: 'INTERNAL_SERVER_ERROR', stacktrace: ['at x'] },
      },
      wrapped,
    );
    expect(formatted).toEqual({
      message: 'Internal server error',
      extensions: { code: 'INTERNAL_SERVER_ERROR' },
    });
    expect(logged).toContain(databaseError);
  });

  it('passes validation errors through without their stack', () => {
    const validation = new GraphQLError('Cannot query field "x" on type "Query".', {
      extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
    });
    const formatted = format(
      {
        message: validation.message,
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['at y'] },
      },
      validation,
    );
    expect(formatted.extensions).toEqual({ code: 'GRAPHQL_VALIDATION_FAILED' });
  });
});
