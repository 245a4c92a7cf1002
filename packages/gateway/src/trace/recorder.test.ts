import type { ServerResponse } from 'node:http';
import type { Trace, TraceSink } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import type { ActiveTraceSession, CompiledProject } from '../snapshot/snapshot.js';
import { makeExchange, recordingLogger } from '../testing/index.js';
import { TraceRecorder } from './recorder.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');

function session(overrides: Partial<ActiveTraceSession> = {}): ActiveTraceSession {
  return { sessionId: 's1', expiresAt: NOW + 60_000, maxCalls: 3, ...overrides };
}

function recorder(sink: TraceSink = { write: async () => true }) {
  const clock = { now: NOW };
  const logger = recordingLogger();
  return { clock, logger, recorder: new TraceRecorder(sink, logger, () => clock.now) };
}

/** Admissions of `count` calls under `active`, in order. */
function admitted(traces: TraceRecorder, active: ActiveTraceSession, count: number): boolean[] {
  return Array.from({ length: count }, () => traces.admit(active));
}

/** An exchange of a project traced under `active`, and a response that has sent a 200 head. */
function tracedCall(active: ActiveTraceSession | undefined) {
  const exchange = makeExchange({ requestId: 'req-1', project: { policies: [] } });
  (exchange.compiled as CompiledProject).trace = active;
  Object.assign(exchange.request, { url: '/petstore/pets', method: 'GET' });
  const response = {
    headersSent: true,
    statusCode: 200,
    getHeaders: () => ({}),
    writeHead() {},
    write: () => true,
    end() {},
  } as unknown as ServerResponse;
  return { exchange, response };
}

const FINISHED = { receivedAt: NOW, durationMs: 3, serverGroupId: 'g', nodeId: 'n:1' };

describe('trace: recorder', () => {
  it('traces the calls of a session until it expires', () => {
    const { clock, recorder: traces } = recorder();
    const active = session({ maxCalls: 100 });
    expect(traces.admit(active)).toBe(true);
    clock.now = active.expiresAt - 1;
    expect(traces.admit(active)).toBe(true);
    clock.now = active.expiresAt;
    expect(traces.admit(active)).toBe(false);
    clock.now = active.expiresAt + 60_000;
    expect(traces.admit(active)).toBe(false);
  });

  it('traces at most maxCalls calls of a session on this node', () => {
    const { recorder: traces } = recorder();
    expect(admitted(traces, session({ maxCalls: 3 }), 5)).toEqual([true, true, true, false, false]);
  });

  it('counts each session on its own: a new session id starts a new count', () => {
    const { recorder: traces } = recorder();
    expect(admitted(traces, session({ sessionId: 's1', maxCalls: 2 }), 3)).toEqual([true, true, false]);
    expect(admitted(traces, session({ sessionId: 's2', maxCalls: 2 }), 3)).toEqual([true, true, false]);
    expect(traces.admit(session({ sessionId: 's1', maxCalls: 2 }))).toBe(false);
    // A raised limit for the same session lets more calls through.
    expect(traces.admit(session({ sessionId: 's1', maxCalls: 3 }))).toBe(true);
  });

  it('begins a capture only for a project with an admitting session', () => {
    const { recorder: traces } = recorder();
    const untraced = tracedCall(undefined);
    expect(traces.begin(untraced.exchange, untraced.response)).toBe(false);
    expect(untraced.exchange.trace).toBeUndefined();

    const traced = tracedCall(session({ maxCalls: 1 }));
    expect(traces.begin(traced.exchange, traced.response)).toBe(true);
    expect(traced.exchange.trace?.session.sessionId).toBe('s1');
    const over = tracedCall(session({ maxCalls: 1 }));
    expect(traces.begin(over.exchange, over.response)).toBe(false);
    expect(over.exchange.trace).toBeUndefined();
  });

  it('hands the finished trace to the sink with the session maxCalls', async () => {
    const written: Array<[Trace, number]> = [];
    const { recorder: traces } = recorder({ write: async (trace, maxCalls) => void written.push([trace, maxCalls]) !== undefined });
    const { exchange, response } = tracedCall(session({ maxCalls: 7 }));
    traces.begin(exchange, response);
    traces.finish(exchange, response, FINISHED);
    await traces.settled();
    expect(written).toHaveLength(1);
    expect(written[0]?.[1]).toBe(7);
    expect(written[0]?.[0]).toMatchObject({
      id: 'req-1',
      sessionId: 's1',
      projectId: 'petstore',
      serverGroupId: 'g',
      nodeId: 'n:1',
      receivedAt: '2026-06-01T00:00:00.000Z',
      durationMs: 3,
      request: { method: 'GET', path: '/petstore/pets', query: '', body: null },
      steps: [],
      backend: null,
      response: { status: 200, headers: {}, body: null },
    });
  });

  it('logs a sink that fails or throws as a warning and never throws', async () => {
    for (const write of [
      async () => {
        throw new Error('store down');
      },
      () => {
        throw new Error('sync bug');
      },
    ]) {
      const { logger, recorder: traces } = recorder({ write });
      const { exchange, response } = tracedCall(session());
      traces.begin(exchange, response);
      expect(() => traces.finish(exchange, response, FINISHED)).not.toThrow();
      await traces.settled();
      expect(logger.entries).toMatchObject([{ level: 'warn', message: 'cannot write a trace' }]);
    }
  });
});
