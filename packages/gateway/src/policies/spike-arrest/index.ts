import { definePolicy } from '../kit.js';
import { createSpikeArrest } from './handler.js';
import { type SpikeArrestConfig, SpikeArrestSchema } from './schema.js';

/** Spike arrest: smooths traffic to an even rate, protecting the backend from bursts. */
export const spikeArrest = definePolicy<SpikeArrestConfig>({
  name: 'spike-arrest',
  description: 'Smooths traffic: N calls per second or minute spread evenly, with an optional burst; then 429 RATE_LIMITED.',
  priority: 200,
  flows: ['proxy-request'],
  scopes: ['project', 'resource'],
  schema: SpikeArrestSchema,
  create: createSpikeArrest,
});
