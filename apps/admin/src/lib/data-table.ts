import {
  type ColumnDef,
  createColumnHelper,
  createSortedRowModel,
  type RowData,
  rowSortingFeature,
  type SortingState,
  sortFn_alphanumeric,
  sortFn_basic,
  sortFn_datetime,
  tableFeatures,
} from '@tanstack/vue-table';

/** The TanStack Table features every admin table has: sorting (in the browser or by the api). */
export const dataTableFeatures = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  sortFns: { alphanumeric: sortFn_alphanumeric, basic: sortFn_basic, datetime: sortFn_datetime },
});
export type DataTableFeatures = typeof dataTableFeatures;
export type DataTableColumn<T extends RowData> = ColumnDef<DataTableFeatures, T>;
export type { SortingState };

/** Column definitions for rows of type `T`: `columnsFor<Brand>().accessor('name', {…})`. */
export const columnsFor = <T extends RowData>() => createColumnHelper<DataTableFeatures, T>();

/** A table's last column, the row's buttons, under a header only screen readers announce. */
export const actionsColumn = (header: string) => ({
  id: 'actions',
  header,
  meta: { hiddenHeader: true, class: 'data-table__actions' },
});

declare module '@tanstack/vue-table' {
  interface ColumnMeta<TFeatures, TData, TValue> {
    /** The column's cells are the row's headers (`<th scope="row">`): its name, usually. */
    rowHeader?: boolean;
    /** A visually hidden header (an actions column). */
    hiddenHeader?: boolean;
    /** Extra classes for the column's cells. */
    class?: string;
  }
}
