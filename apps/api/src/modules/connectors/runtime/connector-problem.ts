import { registerEnumType } from 'type-graphql';

/**
 * Why a connector last failed, as a user can act on it. Deliberately coarse: a refused
 * connection and a silent one are both UNREACHABLE, so the field cannot be used to learn which
 * ports answer. The technical detail goes to the log only.
 */
export enum ConnectorProblem {
  HOST_NOT_FOUND = 'HOST_NOT_FOUND',
  ADDRESS_NOT_ALLOWED = 'ADDRESS_NOT_ALLOWED',
  UNREACHABLE = 'UNREACHABLE',
  INSECURE_URL = 'INSECURE_URL',
  UNAUTHORIZED = 'UNAUTHORIZED',
  HTTP_ERROR = 'HTTP_ERROR',
  TOO_MANY_REDIRECTS = 'TOO_MANY_REDIRECTS',
  TOO_LARGE = 'TOO_LARGE',
  NOT_A_FEED = 'NOT_A_FEED',
  STREAM_ENDED = 'STREAM_ENDED',
  OTHER = 'OTHER',
}

registerEnumType(ConnectorProblem, {
  name: 'ConnectorProblem',
  description: 'Why a connector last failed; the admin says what to do about each.',
  valuesConfig: {
    HOST_NOT_FOUND: { description: 'The host name does not resolve: check the address.' },
    ADDRESS_NOT_ALLOWED: {
      description: 'The address is not a public internet address (private, reserved, loopback…).',
    },
    UNREACHABLE: { description: 'No answer, a refused or a timed-out connection.' },
    INSECURE_URL: { description: 'An access token is only ever sent over https.' },
    UNAUTHORIZED: { description: 'The server refused the credentials (HTTP 401 or 403).' },
    HTTP_ERROR: { description: 'The server answered with another HTTP error.' },
    TOO_MANY_REDIRECTS: { description: 'The address redirects too many times.' },
    TOO_LARGE: { description: 'The response is larger than the connector accepts.' },
    NOT_A_FEED: { description: 'The response is not an RSS or Atom feed.' },
    STREAM_ENDED: { description: 'The streaming server closed or stopped sending.' },
    OTHER: { description: 'Something else; the operator has the detail in the log.' },
  },
});

/** A failure whose user-facing meaning is known where it is thrown. */
export class ConnectorFailure extends Error {
  constructor(
    readonly problem: ConnectorProblem,
    message: string,
  ) {
    super(message);
    this.name = 'ConnectorFailure';
  }
}

const BY_SYSTEM_CODE: Record<string, ConnectorProblem> = {
  ENOTFOUND: ConnectorProblem.HOST_NOT_FOUND,
  EAI_AGAIN: ConnectorProblem.HOST_NOT_FOUND,
  ECONNREFUSED: ConnectorProblem.UNREACHABLE,
  ECONNRESET: ConnectorProblem.UNREACHABLE,
  ETIMEDOUT: ConnectorProblem.UNREACHABLE,
  EHOSTUNREACH: ConnectorProblem.UNREACHABLE,
  ENETUNREACH: ConnectorProblem.UNREACHABLE,
  EPIPE: ConnectorProblem.UNREACHABLE,
  ABORT_ERR: ConnectorProblem.UNREACHABLE,
};

/** What a thrown error means for the user. */
export function classifyFailure(error: unknown): ConnectorProblem {
  if (error instanceof ConnectorFailure) return error.problem;
  if (error instanceof Error) {
    if (error.name === 'TimeoutError' || error.name === 'AbortError')
      return ConnectorProblem.UNREACHABLE;
    const code = (error as NodeJS.ErrnoException).code;
    if (code && code in BY_SYSTEM_CODE) return BY_SYSTEM_CODE[code] as ConnectorProblem;
    if (code?.startsWith('ERR_TLS') || code?.includes('CERT')) return ConnectorProblem.UNREACHABLE;
  }
  return ConnectorProblem.OTHER;
}

/** A stored value read back: rows written before problems were codes read as OTHER. */
export function storedProblem(value: string | null): ConnectorProblem | null {
  if (value === null) return null;
  return (Object.values(ConnectorProblem) as string[]).includes(value)
    ? (value as ConnectorProblem)
    : ConnectorProblem.OTHER;
}

export const httpProblem = (status: number | undefined) =>
  status === 401 || status === 403 ? ConnectorProblem.UNAUTHORIZED : ConnectorProblem.HTTP_ERROR;
