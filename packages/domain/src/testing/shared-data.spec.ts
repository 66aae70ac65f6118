import { afterEach, describe, expect, it } from 'vitest';
import { sharedDataPath } from './shared-data.js';

describe(sharedDataPath.name, () => {
  const saved = process.env.SHARED_DATA_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.SHARED_DATA_DIR;
    else process.env.SHARED_DATA_DIR = saved;
  });

  it('says which file is missing, where the folder goes and which variable points at it', () => {
    process.env.SHARED_DATA_DIR = '/nowhere/data';
    expect(() => sharedDataPath('cdnow', 'CDNOW_sample.txt')).toThrow(
      /not found: \/nowhere\/data\/cdnow\/CDNOW_sample\.txt\..*shared[/\\]data or point SHARED_DATA_DIR at it \(it holds cdnow\/CDNOW_sample\.txt\)/s,
    );
  });
});
