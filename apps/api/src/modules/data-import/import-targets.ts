import { badUserInput } from '../../platform/errors/app-error.js';
import type { ImportEntity, ImportTarget } from '../../platform/import/import-target.js';

/** The entities' import targets, by entity. */
export class ImportTargets {
  private readonly byEntity: ReadonlyMap<ImportEntity, ImportTarget>;

  constructor(targets: readonly ImportTarget[]) {
    this.byEntity = new Map(targets.map((target) => [target.entity, target]));
  }

  /** The target of `entity`; an entity nothing imports into is the caller's mistake. */
  get(entity: ImportEntity, field = 'entity'): ImportTarget {
    const target = this.byEntity.get(entity);
    if (!target) throw badUserInput([{ field, message: `${entity} cannot be imported` }]);
    return target;
  }
}
