import { DataSource } from 'typeorm';
import type { EntityClass } from '../modules/api-module.js';
import { migrations } from './migrations/index.js';

/** A TypeORM data source; never `synchronize`: the schema changes only through migrations. */
export function createDataSource(
  url: string,
  poolSize: number,
  applicationName: string,
  entities: readonly EntityClass[] = [],
): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: [...entities],
    migrations,
    migrationsTransactionMode: 'each',
    synchronize: false,
    // Failed statements are logged by their callers without parameters (log-failure.ts).
    logging: false,
    poolSize,
    extra: { application_name: applicationName },
  });
}
