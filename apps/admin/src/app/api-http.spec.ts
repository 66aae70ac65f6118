import { describe, expect, it } from 'vitest';
import { fileNameOf, routeError } from './api-http.js';

describe('fileNameOf', () => {
  it('prefers the UTF-8 name to the plain one', () => {
    expect(
      fileNameOf(
        `attachment; filename="errors.csv"; filename*=UTF-8''clientes%20espa%C3%B1a-errors.csv`,
      ),
    ).toBe('clientes españa-errors.csv');
  });

  it('reads a plain quoted or bare name, and none without a header', () => {
    expect(fileNameOf('attachment; filename="contacts-2026-12-04.csv"')).toBe(
      'contacts-2026-12-04.csv',
    );
    expect(fileNameOf('attachment; filename=orders.csv')).toBe('orders.csv');
    expect(fileNameOf(null)).toBeNull();
  });
});

describe('routeError', () => {
  it('keeps a refused route’s code and words', () => {
    expect(
      routeError(403, { error: { code: 'FORBIDDEN', message: 'Requires the AGENT role' } }),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'Requires the AGENT role',
      fields: [],
    });
  });

  it('says a file too large is bad input, and anything else unknown is the server’s', () => {
    expect(routeError(413, { error: { code: 'PAYLOAD_TOO_LARGE', message: 'too big' } }).code).toBe(
      'BAD_USER_INPUT',
    );
    expect(routeError(502, null)).toEqual({
      code: 'INTERNAL_SERVER_ERROR',
      message: 'HTTP 502',
      fields: [],
    });
  });
});
