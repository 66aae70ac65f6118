import { Worker } from 'node:worker_threads';
import { type BgNbdFit, ClvInputError, type GammaGammaFit } from '@socialcrm/domain';
import type { ContactValue, ValueTerms } from './customer-value-scoring.js';
import type { ContactSummary } from './purchase-summaries.js';

/** What the fitting thread is given. */
export interface FittingTask {
  readonly customers: readonly ContactSummary[];
  readonly terms: ValueTerms;
}

/** Both models fitted on every customer, and each customer's values under them. */
export interface FittedModels {
  readonly purchases: BgNbdFit;
  readonly spend: GammaGammaFit;
  readonly values: ContactValue[];
}

/** The fitting thread's one message. */
export type FittingAnswer =
  | { readonly ok: true; readonly fitted: FittedModels }
  | { readonly ok: false; readonly objection: { field: string; message: string } }
  | { readonly ok: false; readonly failure: string };

/**
 * Fits BG/NBD and Gamma–Gamma and values every customer on a thread of its own, so the api
 * keeps answering meanwhile. The models' objection to the data comes back as a ClvInputError.
 */
export function fitModels(task: FittingTask): Promise<FittedModels> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./model-fitting.worker.js', import.meta.url), {
      workerData: task,
    });
    worker.once('message', (answer: FittingAnswer) => {
      if (answer.ok) resolve(answer.fitted);
      else if ('objection' in answer)
        reject(new ClvInputError(answer.objection.field, answer.objection.message));
      else reject(new Error(`customer value fitting failed: ${answer.failure}`));
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the fitting thread stopped (${code})`)));
  });
}
