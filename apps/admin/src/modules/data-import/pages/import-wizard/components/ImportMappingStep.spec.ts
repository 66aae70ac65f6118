import { mount } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createAppI18n } from '../../../../../app/i18n.js';
import type { DataImport, ImportMapping } from '../../../data-import.documents.js';
import ImportMappingStep from './ImportMappingStep.vue';

function uploaded(overrides: Partial<DataImport> = {}): DataImport {
  return {
    id: 'imp-1',
    entity: 'CONTACTS',
    fileName: 'clientes.csv',
    state: 'UPLOADED',
    dryRun: false,
    totalRows: 3,
    processedRows: 0,
    importedRows: 0,
    failedRows: 0,
    failure: null,
    createdAt: '2026-12-04T10:00:00.000Z',
    finishedAt: null,
    byteSize: 120,
    encoding: 'windows-1252',
    delimiter: ';',
    headers: ['Correo', 'Nombre', 'Talla'],
    sampleRows: [
      ['ana@example.com', 'Ana García', 'M'],
      ['luis@example.com', 'Luis Pérez', ''],
    ],
    warnings: [],
    mapping: [
      { column: 'Correo', field: 'email' },
      { column: 'Nombre', field: 'displayName' },
    ],
    fields: [
      { key: 'email', label: 'Email', required: true, type: 'TEXT' },
      { key: 'displayName', label: 'Name', required: false, type: 'TEXT' },
      { key: 'custom.size', label: 'Size', required: false, type: 'ONE_OF' },
    ],
    ...overrides,
  };
}

const SAVED: ImportMapping[] = [
  {
    id: 'map-1',
    name: 'Tienda',
    updatedAt: '2026-12-01T10:00:00.000Z',
    mapping: [
      { column: 'Correo', field: 'email' },
      { column: 'Talla', field: 'custom.size' },
    ],
  },
];

function mountStep(dataImport = uploaded(), locale: 'en' | 'es' | 'ru' = 'en') {
  return mount(ImportMappingStep, {
    props: { dataImport, savedMappings: SAVED, busy: false, checked: false },
    global: { plugins: [createAppI18n(locale)] },
  });
}

const fieldSelects = (sut: ReturnType<typeof mountStep>) =>
  sut.findAll<HTMLSelectElement>('[data-testid="mapping-field"]');

describe('ImportMappingStep', () => {
  it('shows each column with its sample values and the suggested field', () => {
    const sut = mountStep();
    const rows = sut.findAll('[data-testid="mapping-row"]');
    expect(rows.map((row) => row.attributes('data-column'))).toEqual(['Correo', 'Nombre', 'Talla']);
    expect(rows[0]?.find('[data-testid="mapping-samples"]').text()).toBe(
      'ana@example.com · luis@example.com',
    );
    expect(fieldSelects(sut).map((select) => select.element.value)).toEqual([
      'email',
      'displayName',
      '',
    ]);
    expect(sut.find<HTMLSelectElement>('[data-testid="import-encoding"]').element.value).toBe(
      'windows-1252',
    );
    expect(sut.find<HTMLSelectElement>('[data-testid="import-delimiter"]').element.value).toBe(';');
  });

  it('runs a dry run with the mapped columns only, the reading chosen and the name to save', async () => {
    const sut = mountStep();
    await fieldSelects(sut)[2]?.setValue('custom.size');
    await sut.find('[data-testid="import-encoding"]').setValue('UTF-8');
    await sut.find('[data-testid="import-save-as"]').setValue('  Tienda online ');
    await sut.find('[data-testid="import-dry-run"]').trigger('click');
    expect(sut.emitted('run')).toEqual([
      [
        {
          mapping: [
            { column: 'Correo', field: 'email' },
            { column: 'Nombre', field: 'displayName' },
            { column: 'Talla', field: 'custom.size' },
          ],
          dryRun: true,
          encoding: 'UTF-8',
          delimiter: ';',
          saveMappingAs: 'Tienda online',
        },
      ],
    ]);
  });

  it('refuses to run while a required field has no column', async () => {
    const sut = mountStep();
    await fieldSelects(sut)[0]?.setValue('');
    await sut.find('[data-testid="import-run"]').trigger('click');
    expect(sut.emitted('run')).toBeUndefined();
    expect(sut.find('[data-testid="mapping-missing"]').text()).toContain('Email');
  });

  it('refuses a field filled from two columns, as the api does, beside the second column', async () => {
    const sut = mountStep();
    await fieldSelects(sut)[1]?.setValue('email');
    await sut.find('[data-testid="import-dry-run"]').trigger('click');
    expect(sut.emitted('run')).toBeUndefined();
    const errors = sut
      .findAll('[data-testid="mapping-row"]')
      .map((row) => row.find('[data-testid="field-error"]').exists());
    expect(errors).toEqual([false, true, false]);
  });

  it('applies a saved mapping to the columns the file has', async () => {
    const sut = mountStep();
    await sut.find('[data-testid="import-saved-mapping"]').setValue('map-1');
    expect(fieldSelects(sut).map((select) => select.element.value)).toEqual([
      'email',
      '',
      'custom.size',
    ]);
  });

  it('speaks Spanish and Russian', () => {
    expect(mountStep(uploaded(), 'es').find('[data-testid="import-dry-run"]').text()).toBe(
      'Prueba sin guardar',
    );
    expect(mountStep(uploaded(), 'ru').find('[data-testid="import-dry-run"]').text()).toBe(
      'Пробный прогон',
    );
  });
});
