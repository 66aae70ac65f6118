import { pino } from 'pino';

/**
 * The process's one logger: JSON lines on stdout for an operator's search (request id, tenant,
 * user or key, operation, duration). `LOG_LEVEL` sets it at start-up. Lines never carry
 * secrets, tokens, statement parameters or personal data: callers log ids and codes only.
 */
export const log = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: 'socialcrm-api' },
  timestamp: pino.stdTimeFunctions.isoTime,
  formatters: { level: (label) => ({ level: label }) },
});
