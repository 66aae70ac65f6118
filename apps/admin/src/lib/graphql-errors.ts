import { CombinedError } from '@urql/core';

/** The codes the api puts in `extensions.code`; each is also an i18n key under `errors.`. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'INTERNAL_SERVER_ERROR',
  'NETWORK_ERROR',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface GraphqlErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

/** One problem with one input field, e.g. `input.hashtags.2` → field `hashtags`, index 2. */
export interface FieldProblem {
  field: string;
  index: number | null;
  /** The whole path under the input, e.g. `settings.feedUrl` or `hashtags.2`. */
  path: string;
  message: string;
  /** The api's code for what is wrong (REQUIRED, TOO_LONG…), translated under `errors.fields.`. */
  reason?: string;
  params?: Record<string, string | number>;
}

export interface AppErrorInfo {
  code: ErrorCode;
  message: string;
  fields: FieldProblem[];
  /** The api's id for the request, which a user can quote to support (it is in the api's log). */
  requestId?: string;
}

const isCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** `input.hashtags.2` → `{ field: 'hashtags', index: 2, path: 'hashtags.2' }`. */
export function parseFieldPath(path: string): Pick<FieldProblem, 'field' | 'index' | 'path'> {
  const parts = path.split('.');
  if (parts[0] === 'input' && parts.length > 1) parts.shift();
  const [field = path, second] = parts;
  const index = second !== undefined && /^\d+$/.test(second) ? Number(second) : null;
  return { field, index, path: parts.join('.') };
}

function fieldProblemsOf(error: GraphqlErrorLike): FieldProblem[] {
  const fields = error.extensions?.fields;
  if (!Array.isArray(fields)) return [];
  return fields.flatMap((entry: unknown) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const { field, message, reason, params } = entry as Record<string, unknown>;
    if (typeof field !== 'string' || typeof message !== 'string') return [];
    return [
      {
        ...parseFieldPath(field),
        message,
        ...(typeof reason === 'string' && { reason }),
        ...(typeof params === 'object' &&
          params !== null && { params: params as FieldProblem['params'] }),
      },
    ];
  });
}

/** Normalises an urql CombinedError or raw GraphQL errors into a code, a message and field problems. */
export function toAppError(error: unknown): AppErrorInfo | null {
  if (!error) return null;
  let graphQLErrors: readonly GraphqlErrorLike[] = [];
  if (error instanceof CombinedError) {
    if (error.networkError && error.graphQLErrors.length === 0) {
      const requestId = error.response?.headers?.get?.('x-request-id') ?? undefined;
      return {
        code: 'NETWORK_ERROR',
        message: error.networkError.message,
        fields: [],
        ...(requestId && { requestId }),
      };
    }
    graphQLErrors = error.graphQLErrors;
  } else if (Array.isArray(error)) {
    graphQLErrors = error as GraphqlErrorLike[];
  } else if (error instanceof Error) {
    return { code: 'NETWORK_ERROR', message: error.message, fields: [] };
  }
  const [first] = graphQLErrors;
  if (!first) return null;
  const code = isCode(first.extensions?.code) ? first.extensions.code : 'INTERNAL_SERVER_ERROR';
  const requestId = first.extensions?.requestId;
  return {
    code,
    message: first.message,
    fields: graphQLErrors.flatMap(fieldProblemsOf),
    ...(typeof requestId === 'string' && { requestId }),
  };
}

/**
 * Field problems as one message per form field. With the submitted term lists, a problem with
 * one term names it: `"#bad tag": must be a hashtag`.
 */
export function fieldMessages(
  problems: readonly FieldProblem[],
  values: Record<string, readonly string[] | string> = {},
  describe: (problem: FieldProblem) => string = (problem) => problem.message,
): Record<string, string> {
  const messages: Record<string, string[]> = {};
  for (const problem of problems) {
    const list = values[problem.field];
    const term = problem.index !== null && Array.isArray(list) ? list[problem.index] : undefined;
    const said = describe(problem);
    const text = term === undefined ? said : `“${term}”: ${said}`;
    messages[problem.field] = [...(messages[problem.field] ?? []), text];
  }
  return Object.fromEntries(
    Object.entries(messages).map(([field, list]) => [field, list.join('; ')]),
  );
}
