import { FLOWS, type Flow } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import type { Exchange } from './exchange.js';
import { runRequestFlows } from './pipeline.js';
import type { PolicyHandler, Rejection } from './policies/kit.js';
import type { FlowChains, PolicyStep } from './snapshot/snapshot.js';
import { recordingLogger } from './testing/index.js';

const exchange = {} as Exchange;
const deny = (detail: string): Rejection => ({ code: 'IP_DENIED', detail });

/** A step that records its name when it runs and answers `verdict` (a value, a promise or a throw). */
function step(
  name: string,
  ran: string[],
  verdict: () => ReturnType<NonNullable<PolicyHandler['onRequest']>>,
  continueOnError = false,
): PolicyStep {
  return {
    policyId: name,
    type: 'test',
    continueOnError,
    handler: {
      onRequest: () => {
        ran.push(name);
        return verdict();
      },
    },
  };
}

function chains(steps: Partial<Record<Flow, PolicyStep[]>>): FlowChains {
  return Object.fromEntries(FLOWS.map((flow) => [flow, steps[flow] ?? []])) as unknown as FlowChains;
}

describe('gateway: request flows', () => {
  it('runs proxy-request then target-request steps in order and continues when all pass', () => {
    const ran: string[] = [];
    const flows = chains({
      'target-request': [step('t1', ran, () => undefined)],
      'proxy-request': [step('p1', ran, () => undefined), step('p2', ran, () => undefined)],
    });
    expect(runRequestFlows(flows, exchange, recordingLogger())).toBeUndefined();
    expect(ran).toEqual(['p1', 'p2', 't1']);
  });

  it('stops at the first rejection unless the step continues on error', () => {
    const ran: string[] = [];
    const flows = chains({
      'proxy-request': [
        step('soft', ran, () => deny('soft'), true),
        step('hard', ran, () => deny('hard')),
        step('never', ran, () => undefined),
      ],
    });
    expect(runRequestFlows(flows, exchange, recordingLogger())).toEqual(deny('hard'));
    expect(ran).toEqual(['soft', 'hard']);
  });

  it('waits for an asynchronous step and goes on with the rest, across flows', async () => {
    const ran: string[] = [];
    const flows = chains({
      'proxy-request': [step('sync', ran, () => undefined), step('async', ran, async () => undefined), step('after', ran, () => undefined)],
      'target-request': [step('last', ran, async () => deny('last'))],
    });
    const outcome = runRequestFlows(flows, exchange, recordingLogger());
    expect(outcome).toBeInstanceOf(Promise);
    expect(await outcome).toEqual(deny('last'));
    expect(ran).toEqual(['sync', 'async', 'after', 'last']);
  });

  it('answers POLICY_FAILED for a step that throws or rejects, and logs it', async () => {
    const logger = recordingLogger();
    const thrown = runRequestFlows(
      chains({
        'proxy-request': [
          step('boom', [], () => {
            throw new Error('bug');
          }),
        ],
      }),
      exchange,
      logger,
    );
    expect(thrown).toMatchObject({ code: 'POLICY_FAILED' });
    const rejected = runRequestFlows(
      chains({ 'proxy-request': [step('later', [], () => Promise.reject(new Error('bug')))] }),
      exchange,
      logger,
    );
    expect(await rejected).toMatchObject({ code: 'POLICY_FAILED' });
    expect(logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
  });
});
