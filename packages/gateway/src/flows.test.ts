import { FLOWS, type Flow } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { BodyTooLarge, type Exchange } from './exchange.js';
import { runFlows } from './flows.js';
import { type PolicyHandler, type Rejection, reply } from './policies/kit.js';
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
  hook: keyof PolicyHandler = 'onRequest',
): PolicyStep {
  return {
    policyId: name,
    type: 'test',
    continueOnError,
    handler: {
      [hook]: () => {
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
    expect(runFlows('request', flows, exchange, recordingLogger())).toBeUndefined();
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
    expect(runFlows('request', flows, exchange, recordingLogger())).toEqual(deny('hard'));
    expect(ran).toEqual(['soft', 'hard']);
  });

  it('waits for an asynchronous step and goes on with the rest, across flows', async () => {
    const ran: string[] = [];
    const flows = chains({
      'proxy-request': [step('sync', ran, () => undefined), step('async', ran, async () => undefined), step('after', ran, () => undefined)],
      'target-request': [step('last', ran, async () => deny('last'))],
    });
    const outcome = runFlows('request', flows, exchange, recordingLogger());
    expect(outcome).toBeInstanceOf(Promise);
    expect(await outcome).toEqual(deny('last'));
    expect(ran).toEqual(['sync', 'async', 'after', 'last']);
  });

  it('answers POLICY_FAILED for a step that throws or rejects, and logs it', async () => {
    const logger = recordingLogger();
    const thrown = runFlows(
      'request',
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
    const rejected = runFlows(
      'request',
      chains({ 'proxy-request': [step('later', [], () => Promise.reject(new Error('bug')))] }),
      exchange,
      logger,
    );
    expect(await rejected).toMatchObject({ code: 'POLICY_FAILED' });
    expect(logger.entries.filter((entry) => entry.level === 'error')).toHaveLength(2);
  });

  it('stops at a reply even when the step continues on error (a reply is an answer, not a failure)', () => {
    const ran: string[] = [];
    const mock = reply(200, { 'content-type': 'text/plain' }, 'mocked');
    const flows = chains({ 'proxy-request': [step('mock', ran, () => mock, true), step('never', ran, () => undefined)] });
    expect(runFlows('request', flows, exchange, recordingLogger())).toBe(mock);
    expect(ran).toEqual(['mock']);
  });

  it('answers 413 PAYLOAD_TOO_LARGE, not POLICY_FAILED, when a step reads a body over the limit', async () => {
    const logger = recordingLogger();
    const flows = chains({ 'proxy-request': [step('reader', [], async () => Promise.reject(new BodyTooLarge(10)))] });
    expect(await runFlows('request', flows, exchange, logger)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      headers: { connection: 'close' },
    });
    expect(logger.entries).toHaveLength(0);
  });
});

describe('gateway: response flows', () => {
  it('runs target-response then proxy-response onResponse hooks, and no request hook', () => {
    const ran: string[] = [];
    const flows = chains({
      'proxy-response': [step('p', ran, () => undefined, false, 'onResponse')],
      'target-response': [step('t', ran, () => undefined, false, 'onResponse')],
      'proxy-request': [step('request', ran, () => undefined)],
    });
    expect(runFlows('response', flows, exchange, recordingLogger())).toBeUndefined();
    expect(ran).toEqual(['t', 'p']);
  });
});
