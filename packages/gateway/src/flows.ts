import type { Flow } from '@tollgate/domain';
import { BodyTooLarge, type Exchange } from './exchange.js';
import type { GatewayLogger } from './pipeline.js';
import { isReply, type PolicyHandler, type Rejection, type Verdict } from './policies/kit.js';
import type { FlowChains, PolicyStep } from './snapshot/snapshot.js';

/** The two phases of a call: the flows each runs, in order, and the hook it calls. */
const PHASES = {
  request: { flows: ['proxy-request', 'target-request'], hook: 'onRequest' },
  response: { flows: ['target-response', 'proxy-response'], hook: 'onResponse' },
} as const satisfies Record<string, { flows: readonly Flow[]; hook: keyof PolicyHandler }>;

/** A phase of the call. */
export type Phase = keyof typeof PHASES;

/**
 * Runs a phase's steps (request: proxy-request then target-request; response: target-response
 * then proxy-response), from step `first` of flow `flow` on. Stays synchronous while every
 * handler is (no promise per request on the common path); at the first promise it waits for it
 * and carries on from the next step. A rejection stops the phase unless the step has
 * `continueOnError`; a reply always does. A traced call (`exchange.trace`) has each step
 * recorded with its outcome and duration (an asynchronous step's until its promise settled).
 */
export function runFlows(
  phase: Phase,
  chains: FlowChains,
  exchange: Exchange,
  logger: GatewayLogger,
  flow = 0,
  first = 0,
): Verdict | Promise<Verdict> {
  const { flows, hook } = PHASES[phase];
  const capture = exchange.trace;
  for (let f = flow; f < flows.length; f++) {
    const flowName = flows[f] as Flow;
    const steps = chains[flowName];
    for (let i = f === flow ? first : 0; i < steps.length; i++) {
      const step = steps[i] as PolicyStep;
      const handler = step.handler[hook];
      if (handler === undefined) continue;
      const started = capture === undefined ? 0 : performance.now();
      let verdict: Verdict | Promise<Verdict>;
      let threw = false;
      try {
        verdict = handler.call(step.handler, exchange);
      } catch (error) {
        verdict = policyFailed(step, error, logger);
        threw = true;
      }
      if (verdict instanceof Promise) {
        const next = i + 1;
        const settle = (settled: Verdict, failed: boolean): Verdict | Promise<Verdict> => {
          capture?.step(flowName, step, settled, started, failed);
          return stops(settled, step) ? settled : runFlows(phase, chains, exchange, logger, f, next);
        };
        return verdict.then(
          (settled) => settle(settled, false),
          (error: unknown) => settle(policyFailed(step, error, logger), true),
        );
      }
      capture?.step(flowName, step, verdict, started, threw);
      if (stops(verdict, step)) return verdict;
    }
  }
  return undefined;
}

function stops(verdict: Verdict, step: PolicyStep): boolean {
  return verdict !== undefined && (!step.continueOnError || isReply(verdict));
}

/** A throw is a bug (500 POLICY_FAILED, logged), except a body over the limit, which is the client's (413). */
function policyFailed(step: PolicyStep, error: unknown, logger: GatewayLogger): Rejection {
  if (error instanceof BodyTooLarge) return { code: 'PAYLOAD_TOO_LARGE', detail: error.message, headers: { connection: 'close' } };
  logger.error({ policyId: step.policyId, type: step.type, err: error }, 'policy threw');
  return { code: 'POLICY_FAILED', detail: `policy '${step.policyId}' failed` };
}
