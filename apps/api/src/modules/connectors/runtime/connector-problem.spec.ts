import { describe, expect, it } from 'vitest';
import {
  ConnectorFailure,
  ConnectorProblem,
  classifyFailure,
  httpProblem,
  storedProblem,
} from './connector-problem.js';

const systemError = (code: string) =>
  Object.assign(new Error(`connect ${code} 10.0.0.1:22`), { code });

describe(classifyFailure.name, () => {
  it('does not tell a refused port from a silent one', () => {
    expect(classifyFailure(systemError('ECONNREFUSED'))).toBe(ConnectorProblem.UNREACHABLE);
    expect(classifyFailure(systemError('ETIMEDOUT'))).toBe(ConnectorProblem.UNREACHABLE);
    expect(classifyFailure(Object.assign(new Error('t'), { name: 'TimeoutError' }))).toBe(
      ConnectorProblem.UNREACHABLE,
    );
  });

  it('names an unknown host, a known failure, and anything else', () => {
    expect(classifyFailure(systemError('ENOTFOUND'))).toBe(ConnectorProblem.HOST_NOT_FOUND);
    expect(classifyFailure(new ConnectorFailure(ConnectorProblem.TOO_LARGE, 'big'))).toBe(
      ConnectorProblem.TOO_LARGE,
    );
    expect(classifyFailure(new Error('boom'))).toBe(ConnectorProblem.OTHER);
  });

  it('maps HTTP statuses and reads old free-text rows as OTHER', () => {
    expect(httpProblem(401)).toBe(ConnectorProblem.UNAUTHORIZED);
    expect(httpProblem(500)).toBe(ConnectorProblem.HTTP_ERROR);
    expect(storedProblem('getaddrinfo ENOTFOUND x')).toBe(ConnectorProblem.OTHER);
    expect(storedProblem('UNREACHABLE')).toBe(ConnectorProblem.UNREACHABLE);
    expect(storedProblem(null)).toBeNull();
  });
});
