// The fitting thread: maximum likelihood over every customer and their values take seconds of
// CPU on a large tenant, which on the api's own thread would hold every request behind them.
import { parentPort, workerData } from 'node:worker_threads';
import { ClvInputError, fitBgNbd, fitGammaGamma } from '@socialcrm/domain';
import { valueCustomers } from './customer-value-scoring.js';
import { fitCheck } from './fit-check.js';
import type { FittingAnswer, FittingTask } from './model-fitting.js';

const { customers, terms, actualByWeek, lastDay } = workerData as FittingTask;

function fitAndValue(): FittingAnswer {
  try {
    const purchases = fitBgNbd(customers);
    const spend = fitGammaGamma(customers.filter((customer) => customer.x > 0 && customer.m > 0));
    const models = { purchases: purchases.parameters, spend: spend.parameters };
    const values = valueCustomers(models, customers, terms);
    const check = fitCheck(purchases.parameters, customers, actualByWeek, lastDay);
    return { ok: true, fitted: { purchases, spend, values, check } };
  } catch (error) {
    // The models' objection crosses back as data: an Error loses its class between threads.
    if (error instanceof ClvInputError)
      return {
        ok: false,
        objection: { field: error.field, message: error.message.slice(error.field.length + 1) },
      };
    return {
      ok: false,
      failure: error instanceof Error ? (error.stack ?? error.message) : String(error),
    };
  }
}

parentPort?.postMessage(fitAndValue());
