import { pino } from 'pino';

/**
 * The process's one logger: JSON lines on stdout for an operator's search (request id, tenant,
 * user or key, operation, duration). `LOG_LEVEL` sets it at start-up. Lines never carry
 * secrets, tokens, statement parameters or personal data: callers log ids and codes only.
 */
export const log = pino(
  {
    level: process.env.LOG_LEVEL ?? 'info',
    base: { service: 'socialcrm-api' },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  },
  // Written asynchronously: lines that come while a write is under way go out together with
  // the next one, instead of a blocking write per line. `flushLog` empties it at exit.
  pino.destination({ dest: 1, sync: false }),
);

/** Writes out what the logger still holds; await it before the process exits. */
export function flushLog(): Promise<void> {
  return new Promise((resolve) => log.flush(() => resolve()));
}
