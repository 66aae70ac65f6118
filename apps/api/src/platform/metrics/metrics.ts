import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The process's metrics, served in Prometheus's format on their own port (`METRICS_PORT`), never
 * on the public one. Modules register their families here; labels are bounded sets (operation
 * root fields, outcomes, job names), never ids or user input.
 */
export const metrics = new Registry();
metrics.setDefaultLabels({ service: 'socialcrm-api' });
collectDefaultMetrics({ register: metrics, prefix: 'socialcrm_' });
