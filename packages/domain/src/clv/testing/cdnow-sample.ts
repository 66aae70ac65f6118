// Test and benchmark helper: loads the CDNOW 1/10 sample (Fader, Hardie & Lee 2005) from the
// shared data folder and summarises it the way the papers do. Never imported by product code.
import { readFileSync } from 'node:fs';
import { sharedDataPath } from '../../testing/shared-data.js';
import { type CustomerSummary, type Purchase, summarizeCustomers } from '../customer-summary.js';

/** Parses CDNOW_sample.txt: master id, sample id, yyyymmdd, number of CDs, dollar value. */
export function parseCdnowSample(text: string): Purchase[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .map((line) => {
      const [, sampleId, ymd, , value] = line.split(/\s+/) as [
        string,
        string,
        string,
        string,
        string,
      ];
      return {
        customerId: sampleId,
        date: `${ymd.slice(0, 4)}-${ymd.slice(4, 6)}-${ymd.slice(6, 8)}`,
        value: Number(value),
      };
    });
}

/** The raw purchases of the CDNOW sample. */
export function loadCdnowSamplePurchases(
  path = sharedDataPath('cdnow', 'CDNOW_sample.txt'),
): Purchase[] {
  return parseCdnowSample(readFileSync(path, 'utf8'));
}

/** The papers' summary: calibration to 1997-09-30 (39 weeks), holdout to 1998-06-30, weeks. */
export function cdnowSampleSummaries(purchases = loadCdnowSamplePurchases()): CustomerSummary[] {
  return summarizeCustomers(purchases, {
    calibrationEnd: '1997-09-30',
    holdoutEnd: '1998-06-30',
    timeUnit: 'weeks',
  });
}
