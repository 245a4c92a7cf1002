import { beforeEach, describe, expect, it } from 'vitest';
import { type EchoReply, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** regex-protection through a real gateway node and a real upstream. */
describe('regex-protection end to end', () => {
  const e2e = usePolicyGateway();

  beforeEach(async () => {
    const policy = makePolicy({
      id: 'rx',
      type: 'regex-protection',
      config: { patterns: ["'\\s*or\\s+\\d+\\s*=\\s*\\d+", '<\\s*script\\b'], headers: ['referer'], body: true, maxBodyBytes: 1_000 },
    });
    await e2e.start([policy], { project: { id: 'api', contextPath: '/api' } });
  });

  const problemOf = async (answer: Response) => (await answer.json()) as { code: string; detail: string };

  it('forwards a clean request with its query and body unchanged', async () => {
    const answer = await fetch(`${e2e.gateway.url}/api/search?q=red%20shoes`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain', referer: 'https://shop.example/' },
      body: 'nothing to see',
    });
    expect(answer.status).toBe(200);
    const echoed = (await answer.json()) as EchoReply;
    expect(echoed.url).toBe('/search?q=red%20shoes');
    expect(echoed.body).toBe('nothing to see');
  });

  it('refuses an encoded SQL injection in the query with 400 THREAT_DETECTED; the backend never sees it', async () => {
    const answer = await fetch(`${e2e.gateway.url}/api/search?q=x%27%20OR%201%3D1`);
    expect(answer.status).toBe(400);
    expect(await problemOf(answer)).toMatchObject({ code: 'THREAT_DETECTED', detail: 'a query parameter matches a threat pattern' });
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('refuses an attack in the path, a named header and the body', async () => {
    const inPath = await fetch(`${e2e.gateway.url}/api/%3Cscript%3Ealert(1)`);
    const inHeader = await fetch(`${e2e.gateway.url}/api/x`, { headers: { referer: 'https://x/<script>' } });
    const inBody = await fetch(`${e2e.gateway.url}/api/x`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'comment=%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    });
    expect([inPath.status, inHeader.status, inBody.status]).toEqual([400, 400, 400]);
    expect((await problemOf(inPath)).detail).toBe('the path matches a threat pattern');
    expect((await problemOf(inHeader)).detail).toBe('the referer header matches a threat pattern');
    expect((await problemOf(inBody)).detail).toBe('a form field of the body matches a threat pattern');
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('answers 413 for a body above maxBodyBytes', async () => {
    const answer = await fetch(`${e2e.gateway.url}/api/x`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'a'.repeat(1_001),
    });
    expect(answer.status).toBe(413);
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('does not scan headers it was not told to', async () => {
    const answer = await fetch(`${e2e.gateway.url}/api/x`, { headers: { 'user-agent': '<script>' } });
    expect(answer.status).toBe(200);
  });
});
