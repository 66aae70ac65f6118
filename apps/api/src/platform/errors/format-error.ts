import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { ArgumentValidationError } from 'type-graphql';
import { AppError, ErrorCode } from './app-error.js';

type Logger = (error: unknown) => void;

/**
 * The one place errors become client-visible: coded application errors keep their message,
 * GraphQL syntax and validation errors keep theirs, anything else (a database error whose
 * detail could print a hidden row's key, a bug) becomes an opaque internal error.
 */
export function createErrorFormatter(logUnexpected: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    if (original instanceof AppError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: original.code, ...original.details },
      };
    }
    if (original instanceof ArgumentValidationError) {
      return {
        message: original.message,
        path: formatted.path,
        extensions: { code: ErrorCode.BadUserInput },
      };
    }
    if (original instanceof GraphQLError && isOwnGraphQLError(original)) {
      // Parse, validation, limit and variable-coercion errors written by graphql-js, Apollo,
      // graphql-armor and our context builder: their text is about the request only.
      const { stacktrace: _stack, http: _http, ...extensions } = formatted.extensions ?? {};
      return { message: formatted.message, locations: formatted.locations, extensions };
    }
    logUnexpected(original);
    return {
      message: 'Internal server error',
      path: formatted.path,
      extensions: { code: ErrorCode.Internal },
    };
  };
}

/** A GraphQLError that does not wrap a thrown non-GraphQL error (which could carry any text). */
function isOwnGraphQLError(error: GraphQLError): boolean {
  const cause = error.originalError;
  return typeof error.extensions?.code === 'string' && (!cause || cause instanceof GraphQLError);
}
