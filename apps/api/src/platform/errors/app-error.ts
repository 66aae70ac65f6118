/** Every error code a client can see in `extensions.code`; also the admin's message keys. */
export enum ErrorCode {
  Unauthenticated = 'UNAUTHENTICATED',
  Forbidden = 'FORBIDDEN',
  BadUserInput = 'BAD_USER_INPUT',
  NotFound = 'NOT_FOUND',
  Conflict = 'CONFLICT',
  RateLimited = 'RATE_LIMITED',
  Internal = 'INTERNAL_SERVER_ERROR',
}

export interface FieldProblem {
  /** Path of the offending field, e.g. `input.hashtags.2`. */
  readonly field: string;
  readonly message: string;
  /**
   * What is wrong, for a client to say in its user's language (REQUIRED, TOO_LONG, TOO_SHORT,
   * TOO_MANY, INVALID_FORMAT, ALREADY_EXISTS, LAST_OWNER), with `params` such as `max`; absent
   * when only the message says it.
   */
  readonly reason?: string;
  readonly params?: Readonly<Record<string, string | number>>;
}

/** An error whose message is safe to show to the client. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details: { fields?: readonly FieldProblem[]; retryAfterSeconds?: number } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const unauthenticated = (message = 'Sign-in required') =>
  new AppError(ErrorCode.Unauthenticated, message);
export const forbidden = (message = 'Not allowed') => new AppError(ErrorCode.Forbidden, message);
export const notFound = (what: string) => new AppError(ErrorCode.NotFound, `${what} not found`);
export const conflict = (message: string, field?: string, reason = 'ALREADY_EXISTS') =>
  new AppError(ErrorCode.Conflict, message, field ? { fields: [{ field, message, reason }] } : {});
export const badUserInput = (fields: readonly FieldProblem[]) =>
  new AppError(
    ErrorCode.BadUserInput,
    fields.map((problem) => `${problem.field}: ${problem.message}`).join('; '),
    { fields },
  );
