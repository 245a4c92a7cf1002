import { FLOWS, type Flow } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import type { Exchange } from '../exchange.js';
import { runFlows } from '../flows.js';
import { type PolicyHandler, reply, type Verdict } from '../policies/kit.js';
import type { FlowChains, PolicyStep } from '../snapshot/snapshot.js';
import { recordingLogger } from '../testing/index.js';
import { TraceCapture } from './capture.js';

const later = (ms: number, verdict: Verdict = undefined) => new Promise<Verdict>((resolve) => setTimeout(() => resolve(verdict), ms));

function step(policyId: string, hook: () => ReturnType<NonNullable<PolicyHandler['onRequest']>>, continueOnError = false): PolicyStep {
  return { policyId, type: 'test', continueOnError, handler: { onRequest: hook, onResponse: hook } };
}

function chains(steps: Partial<Record<Flow, PolicyStep[]>>): FlowChains {
  return Object.fromEntries(FLOWS.map((flow) => [flow, steps[flow] ?? []])) as unknown as FlowChains;
}

function tracedExchange(): Exchange & { trace: TraceCapture } {
  return { trace: new TraceCapture({ sessionId: 's', expiresAt: Number.POSITIVE_INFINITY, maxCalls: 1 }) } as Exchange & {
    trace: TraceCapture;
  };
}

describe('trace: policy steps of a traced call', () => {
  it('records every step with its flow and outcome, an asynchronous one until its promise settled', async () => {
    const exchange = tracedExchange();
    const flows = chains({
      'proxy-request': [
        step('sync', () => undefined),
        step('slow', () => later(30)),
        step('soft', () => ({ code: 'IP_DENIED', detail: 'no' }), true),
        step(
          'bug',
          () => {
            throw new Error('bug');
          },
          true,
        ),
        step('async-bug', () => Promise.reject(new Error('async bug')), true),
      ],
      'target-request': [step('mock', () => reply(201, {}, 'made'))],
    });
    const verdict = await runFlows('request', flows, exchange, recordingLogger());
    expect(verdict).toMatchObject({ status: 201 });
    expect(exchange.trace.steps.map(({ durationMs: _, ...rest }) => rest)).toEqual([
      { flow: 'proxy-request', policyId: 'sync', type: 'test', outcome: 'continued' },
      { flow: 'proxy-request', policyId: 'slow', type: 'test', outcome: 'continued' },
      { flow: 'proxy-request', policyId: 'soft', type: 'test', outcome: 'rejected', code: 'IP_DENIED' },
      { flow: 'proxy-request', policyId: 'bug', type: 'test', outcome: 'failed', code: 'POLICY_FAILED' },
      { flow: 'proxy-request', policyId: 'async-bug', type: 'test', outcome: 'failed', code: 'POLICY_FAILED' },
      { flow: 'target-request', policyId: 'mock', type: 'test', outcome: 'replied', status: 201 },
    ]);
    expect(exchange.trace.steps[1]?.durationMs).toBeGreaterThanOrEqual(25);
    expect(exchange.trace.steps[0]?.durationMs).toBeLessThan(25);
  });

  it('stops where an untraced call stops, and records the response flows too', async () => {
    const exchange = tracedExchange();
    const flows = chains({
      'target-response': [step('t', () => later(1))],
      'proxy-response': [step('deny', () => ({ code: 'FORBIDDEN', detail: 'no' })), step('never', () => undefined)],
    });
    expect(await runFlows('response', flows, exchange, recordingLogger())).toEqual({ code: 'FORBIDDEN', detail: 'no' });
    expect(exchange.trace.steps.map((recorded) => [recorded.flow, recorded.policyId, recorded.outcome])).toEqual([
      ['target-response', 't', 'continued'],
      ['proxy-response', 'deny', 'rejected'],
    ]);
  });
});
