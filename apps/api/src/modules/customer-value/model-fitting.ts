import { Worker } from 'node:worker_threads';
import { type BgNbdFit, ClvInputError, type GammaGammaFit } from '@socialcrm/domain';
import type { ContactValue, ValueTerms } from './customer-value-scoring.js';
import type { FitCheckWeek } from './fit-check.js';
import type { ContactSummary } from './purchase-summaries.js';

/** What the fitting thread is given. */
export interface FittingTask {
  readonly customers: readonly ContactSummary[];
  readonly terms: ValueTerms;
  /** Repeat transactions per week and the data's last day, for the fit check. */
  readonly actualByWeek: ReadonlyMap<number, number>;
  readonly lastDay: string;
}

/** Both models fitted on every customer, each customer's values under them, and the fit check. */
export interface FittedModels {
  readonly purchases: BgNbdFit;
  readonly spend: GammaGammaFit;
  readonly values: ContactValue[];
  readonly check: FitCheckWeek[];
}

/** The fitting thread's one message. */
export type FittingAnswer =
  | { readonly ok: true; readonly fitted: FittedModels }
  | { readonly ok: false; readonly objection: { field: string; message: string } }
  | { readonly ok: false; readonly failure: string };

/**
 * Fits BG/NBD and Gamma–Gamma, values every customer and checks the fit week by week on a
 * thread of its own, so the api keeps answering meanwhile (each is seconds of CPU on a large
 * tenant, and the fit check's series converge slowly on degenerate estimates). The models' objection to the data comes back as a ClvInputError.
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
