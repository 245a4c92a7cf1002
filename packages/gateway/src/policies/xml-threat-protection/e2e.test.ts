import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { type EchoReply, makePolicy, usePolicyGateway } from '../../testing/index.js';

/** xml-threat-protection through a real gateway node and a real upstream. */
describe('xml-threat-protection end to end', () => {
  const e2e = usePolicyGateway();

  beforeEach(async () => {
    const policy = makePolicy({ id: 'xtp', type: 'xml-threat-protection', config: { maxDepth: 4, maxElements: 50 } });
    await e2e.start([policy], { project: { id: 'soap', contextPath: '/soap' } });
  });

  const post = (body: string, contentType = 'application/soap+xml') =>
    fetch(`${e2e.gateway.url}/soap/orders`, { method: 'POST', headers: { 'content-type': contentType }, body });
  const problemOf = async (answer: Response) => (await answer.json()) as { code: string; detail: string };

  it('forwards a document within the limits byte for byte', async () => {
    const body =
      '<?xml version="1.0" encoding="UTF-8"?><env:Envelope xmlns:env="http://www.w3.org/2003/05/soap-envelope"><env:Body><order id="7">Tea &amp; cake</order></env:Body></env:Envelope>';
    const answer = await post(body);
    expect(answer.status).toBe(200);
    const echoed = (await answer.json()) as EchoReply;
    expect(echoed.bodySha256).toBe(createHash('sha256').update(body).digest('hex'));
  });

  it('refuses an XXE document with 400 THREAT_DETECTED; the backend never sees it', async () => {
    const answer = await post('<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>', 'application/xml');
    expect(answer.status).toBe(400);
    expect(await problemOf(answer)).toMatchObject({
      code: 'THREAT_DETECTED',
      detail: 'a DOCTYPE is not allowed (external entities, entity expansion) (at byte 21)',
    });
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('refuses a billion-laughs document without expanding anything', async () => {
    const entities = Array.from({ length: 10 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
    const answer = await post(`<?xml version="1.0"?><!DOCTYPE r [<!ENTITY l0 "lol">${entities}]><r>&l10;</r>`, 'text/xml');
    expect(answer.status).toBe(400);
    expect(e2e.upstream.received).toHaveLength(0);
  });

  it('refuses a document past a structural limit, and keeps serving', async () => {
    const answer = await post('<a><b><c><d><e/></d></c></b></a>');
    expect(answer.status).toBe(400);
    expect((await problemOf(answer)).detail).toBe('the XML body nests elements deeper than maxDepth (4) (at byte 12)');
    expect((await post('<a/>')).status).toBe(200);
  });

  it('lets other content types through untouched', async () => {
    const answer = await post('<!DOCTYPE not-xml-here>', 'text/plain');
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as EchoReply).body).toBe('<!DOCTYPE not-xml-here>');
  });
});
