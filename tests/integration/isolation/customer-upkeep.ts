import type { IsolationArea } from './area.js';

/** The upkeep's backlog count of tenant B. */
export const customerUpkeepArea: IsolationArea = {
  async prepare() {
    return {};
  },
  operations: {
    pendingContactUpdates: { document: '{ pendingContactUpdates }', variables: () => ({}) },
  },
};
