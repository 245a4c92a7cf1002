import { describe, expect, it } from 'vitest';
import { ECHO, type EchoReply, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** Variables set in one flow and used by the headers policy of a later one, through a real node. */
describe('policy: assign-variables end to end', () => {
  const e2e = usePolicyGateway();

  it('carries variables from the request to later flows of the same call, never to another call', async () => {
    const policies = [
      makePolicy({ id: 'v', type: 'assign-variables', config: { variables: { region: '{request.header.x-region|lower}' } } }),
      makePolicy({ id: 'h', type: 'headers', flow: 'target-request', config: { set: { 'x-region': '{variable.region}' } } }),
      makePolicy({
        id: 'r',
        type: 'assign-variables',
        flow: 'target-response',
        config: { variables: { summary: '{variable.region}:{response.status}' } },
      }),
      makePolicy({ id: 'o', type: 'headers', flow: 'proxy-response', config: { set: { 'x-summary': '{variable.summary}' } } }),
    ];
    const gateway = await e2e.start(policies);

    const eu = await fetch(`${gateway.url}/pets/x`, { headers: { 'x-region': 'EU-West', [ECHO.status]: '202' } });
    const none = await fetch(`${gateway.url}/pets/x`);

    expect(((await eu.json()) as EchoReply).headers['x-region']).toBe('eu-west');
    expect(eu.headers.get('x-summary')).toBe('eu-west:202');
    expect(((await none.json()) as EchoReply).headers['x-region']).toBeUndefined();
    expect(none.headers.get('x-summary')).toBe(':200');
  });
});
