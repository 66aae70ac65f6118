import { runExport } from '../../support/data-exports.js';
import type { IsolationArea } from './area.js';

/** CSV exports: tenant B's finished export (its download is refused across tenants in data-export.spec.ts). */
export const dataExportArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const done = await runExport(graphqlUrl, bOwner, { entity: 'ORDERS' });
    if (done.state !== 'SUCCEEDED') throw new Error("tenant B's export did not finish");
    return { bExportId: done.id };
  },
  operations: {
    dataExport: {
      document: 'query($id: ID!) { dataExport(id: $id) { id state downloadPath } }',
      variables: (_w, t) => ({ id: t.bExportId }),
    },
    dataExports: {
      document: '{ dataExports { totalCount edges { node { id } } } }',
      variables: () => ({}),
    },
    startDataExport: {
      document: 'mutation { startDataExport(input: { entity: CONTACTS }) { id } }',
      variables: () => ({}),
    },
  },
};
