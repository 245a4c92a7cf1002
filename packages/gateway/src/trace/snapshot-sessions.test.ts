import type { GatewayConfig } from '@tollgate/domain';
import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../snapshot/snapshot.js';
import { makeGatewayConfig, makeProject, makeTraceSession, TEST_SERVER_GROUP_ID } from '../testing/index.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');
const at = (offsetMs: number) => new Date(NOW + offsetMs).toISOString();
const target = { url: 'http://127.0.0.1:1', timeoutMs: 1_000 };

function traceOf(config: GatewayConfig, contextPath = '/pets') {
  return buildSnapshot(config, () => NOW).projects.get(contextPath)?.trace;
}

describe('trace: sessions in the snapshot', () => {
  const projects = [makeProject({ id: 'pets', contextPath: '/pets', target }), makeProject({ id: 'shop', contextPath: '/shop', target })];

  it('gives a project its session as id, expiry (epoch ms) and maxCalls; others none', () => {
    const config = makeGatewayConfig({ projects, traceSessions: [makeTraceSession({ id: 'a', expiresAt: at(60_000), maxCalls: 5 })] });
    expect(traceOf(config)).toEqual({ sessionId: 'a', expiresAt: NOW + 60_000, maxCalls: 5 });
    expect(traceOf(config, '/shop')).toBeUndefined();
  });

  it('keeps sessions for this group or every group, not yet over; the latest started one wins', () => {
    const session = (id: string, overrides: Parameters<typeof makeTraceSession>[0]) =>
      makeTraceSession({ id, expiresAt: at(60_000), ...overrides });
    expect(traceOf(makeGatewayConfig({ projects, traceSessions: [session('x', { serverGroupId: 'elsewhere' })] }))).toBeUndefined();
    expect(traceOf(makeGatewayConfig({ projects, traceSessions: [session('x', { serverGroupId: TEST_SERVER_GROUP_ID })] }))).toMatchObject({
      sessionId: 'x',
    });
    expect(traceOf(makeGatewayConfig({ projects, traceSessions: [session('x', { expiresAt: at(0) })] }))).toBeUndefined();
    const sessions = [session('old', { startedAt: at(-2_000) }), session('new', { startedAt: at(-1_000) })];
    expect(traceOf(makeGatewayConfig({ projects, traceSessions: sessions }))).toMatchObject({ sessionId: 'new' });
    expect(traceOf(makeGatewayConfig({ projects, traceSessions: [...sessions].reverse() }))).toMatchObject({ sessionId: 'new' });
  });

  it('builds a configuration saved before trace sessions existed', () => {
    const { traceSessions: _, ...saved } = makeGatewayConfig({ projects });
    expect(traceOf(saved as GatewayConfig)).toBeUndefined();
  });
});
