import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { jobQueues } from './job-queues.js';
import { apiModules } from './modules.js';

describe('job queues', () => {
  it('are exactly those the modules declare', () => {
    const declared = apiModules.flatMap((module) => module.queues ?? []);
    expect([...jobQueues].sort()).toEqual([...declared].sort());
  });
});
