import pg from 'pg';
import PgBoss from 'pg-boss';

export const JOB_SCHEMA = 'pgboss';

/**
 * Installs (or upgrades) the job queue's schema and creates the modules' queues, as the owner:
 * a queue is a partition, which only the owner of the job table may attach. The runtime role
 * then gets to use them, and nothing more.
 */
export async function installJobQueue(
  ownerUrl: string,
  queues: readonly string[],
  runtimeRole: string,
): Promise<void> {
  const boss = new PgBoss({
    connectionString: ownerUrl,
    schema: JOB_SCHEMA,
    migrate: true,
    supervise: false,
    schedule: false,
    max: 1,
    application_name: 'socialcrm-migrate',
  });
  boss.on('error', () => {});
  await boss.start();
  try {
    for (const name of queues)
      if (!(await boss.getQueue(name))) await boss.createQueue(name, { name });
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
  const client = new pg.Client({ connectionString: ownerUrl });
  await client.connect();
  try {
    await client.query(`
      GRANT USAGE ON SCHEMA ${JOB_SCHEMA} TO ${runtimeRole};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA ${JOB_SCHEMA} TO ${runtimeRole};
      GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA ${JOB_SCHEMA} TO ${runtimeRole};
      -- Owners read their tenant's jobs (background-jobs module).
      CREATE INDEX IF NOT EXISTS job_tenant ON ${JOB_SCHEMA}.job ((data->>'tenantId'), created_on DESC);
    `);
  } finally {
    await client.end();
  }
}
