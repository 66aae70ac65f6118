import { importFixture, runImport, uploadImport } from '../../support/data-imports.js';
import type { IsolationArea } from './area.js';

const MAPPING = `[{ column: "Order id", field: "externalId" }, { column: "Customer id", field: "contactExternalId" },
  { column: "Order date", field: "orderedAt" }, { column: "Amount", field: "amount" }, { column: "Currency", field: "currency" }]`;

/** CSV imports: tenant B's uploaded (and dry-run) file and its saved mapping. */
export const dataImportArea: IsolationArea = {
  async prepare(graphqlUrl, bOwner) {
    const apiUrl = graphqlUrl.replace(/\/graphql$/, '');
    const name = 'orders-with-errors.csv';
    const { id } = await uploadImport(apiUrl, bOwner, 'ORDERS', name, importFixture(name));
    if (!id) throw new Error("tenant B's import was not uploaded");
    await runImport(graphqlUrl, bOwner, id, {
      mapping: [
        { column: 'Order id', field: 'externalId' },
        { column: 'Customer id', field: 'contactExternalId' },
        { column: 'Order date', field: 'orderedAt' },
        { column: 'Amount', field: 'amount' },
        { column: 'Currency', field: 'currency' },
      ],
      dryRun: true,
      saveMappingAs: 'B mapping',
    });
    return { bImportId: id };
  },
  operations: {
    dataImport: {
      document:
        'query($id: ID!) { dataImport(id: $id) { id fileName headers sampleRows errors { totalCount } } }',
      variables: (_w, t) => ({ id: t.bImportId }),
    },
    dataImports: {
      document: '{ dataImports { totalCount edges { node { id fileName } } } }',
      variables: () => ({}),
    },
    importMappings: {
      document: '{ importMappings(entity: ORDERS) { id name } }',
      variables: () => ({}),
    },
    startDataImport: {
      document: `mutation($id: ID!) { startDataImport(id: $id, input: { mapping: ${MAPPING} }) { id state } }`,
      variables: (_w, t) => ({ id: t.bImportId }),
    },
  },
};
