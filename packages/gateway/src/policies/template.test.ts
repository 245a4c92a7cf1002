import { describe, expect, it } from 'vitest';
import { makeExchange, makeKeyEntry, POLICY_TEST_NOW } from '../testing/policy-kit.js';
import { compileTemplate, TemplateError, templateProblem } from './template.js';
import { setVariable } from './variables.js';

const now = () => POLICY_TEST_NOW;
const render = (source: string, exchange = makeExchange()) => compileTemplate(source, { now })(exchange);

describe('template language', () => {
  it('leaves text without expressions as it is, JSON braces included', () => {
    expect(render('plain text')).toBe('plain text');
    expect(render('{"a": {"b": [1, {}]}, "c": "{ x }"}')).toBe('{"a": {"b": [1, {}]}, "c": "{ x }"}');
    expect(render('')).toBe('');
  });

  it('renders the request: method, path, path suffix, raw query, id', () => {
    const exchange = makeExchange({ method: 'POST', remainder: '/pets/7', query: 'a=1&b=x%20y', requestId: 'req-1' });
    expect(render('{request.method} {request.path} {request.pathSuffix} {request.query} {request.id}', exchange)).toBe(
      'POST /petstore/pets/7 /pets/7 a=1&b=x%20y req-1',
    );
  });

  it('renders a query parameter decoded (its first value), and nothing for an absent one', () => {
    const exchange = makeExchange({ query: 'q=caf%C3%A9+au+lait&q=second' });
    expect(render('[{request.query.q}][{request.query.none}]', exchange)).toBe('[café au lait][]');
  });

  it('renders forwarded request headers by name in any case, repeated ones joined', () => {
    const exchange = makeExchange({ headers: { 'x-region': 'eu', accept: ['a/b', 'c/d'] } });
    expect(render('{request.header.X-Region};{request.header.accept};{request.header.absent}', exchange)).toBe('eu;a/b, c/d;');
    // What is forwarded counts: a header an earlier policy removed is gone.
    delete exchange.requestHeaders['x-region'];
    expect(render('{request.header.x-region}', exchange)).toBe('');
  });

  it("renders the caller's identity, empty for an anonymous call", () => {
    const identity = makeKeyEntry({ clientId: 'alice', subscriptionId: 'app', productId: 'gold', organizationId: 'acme' });
    const source = '{client.id}|{subscription.id}|{product.id}|{organization.id}|{project.id}|{client.ip}';
    expect(render(source, makeExchange({ identity, clientAddress: '10.0.0.9' }))).toBe('alice|app|gold|acme|petstore|10.0.0.9');
    expect(render(source, makeExchange({ clientAddress: '10.0.0.9' }))).toBe('||||petstore|10.0.0.9');
  });

  it('renders the answer in response flows, and nothing before there is one', () => {
    const exchange = makeExchange();
    expect(render('{response.status}/{response.header.content-type}', exchange)).toBe('/');
    exchange.response = { status: 201, headers: { 'content-type': 'text/plain', 'content-length': 5 }, body: undefined };
    expect(render('{response.status}/{response.header.Content-Type}/{response.header.content-length}', exchange)).toBe('201/text/plain/5');
  });

  it('renders variables of this call only', () => {
    const exchange = makeExchange();
    setVariable(exchange, 'region', 'eu-west');
    expect(render('{variable.region}', exchange)).toBe('eu-west');
    expect(render('{variable.region}', makeExchange())).toBe('');
  });

  it("renders the time from the kit's clock", () => {
    let clock = POLICY_TEST_NOW;
    const template = compileTemplate('{time.iso} {time.epoch}', { now: () => clock });
    expect(template(makeExchange())).toBe(`2026-06-01T00:00:00.000Z ${POLICY_TEST_NOW}`);
    clock += 1500;
    expect(template(makeExchange())).toBe(`2026-06-01T00:00:01.500Z ${POLICY_TEST_NOW + 1500}`);
  });

  it('renders the error being answered only where errors are allowed', () => {
    const template = compileTemplate('{error.code} {error.status} {error.title}: {error.detail}', { now, errors: true });
    expect(template(makeExchange(), { code: 'RATE_LIMITED', detail: 'slow down' })).toBe('RATE_LIMITED 429 Too many requests: slow down');
    expect(() => compileTemplate('{error.code}', { now })).toThrow(/only in fault-handling/);
  });

  it('applies filters left to right: json, url, xml, lower, upper', () => {
    const exchange = makeExchange({ query: 'q=%22A%26b%3C%2F%3E%22%0A' });
    expect(render('{request.query.q|json}', exchange)).toBe('"\\"A&b</>\\"\\n"');
    expect(render('{request.query.q|url}', exchange)).toBe('%22A%26b%3C%2F%3E%22%0A');
    expect(render('{request.query.q|xml}', exchange)).toBe('&quot;A&amp;b&lt;/&gt;&quot;\n');
    expect(render('{request.method|lower}{request.method|lower|upper}', exchange)).toBe('getGET');
    expect(render('{request.query.q|upper|json}', exchange)).toBe('"\\"A&B</>\\"\\n"');
  });

  it('writes a literal brace for \\{', () => {
    expect(render('\\{client.id} is {request.method}')).toBe('{client.id} is GET');
  });

  it('refuses unknown names and filters, naming them', () => {
    expect(() => render('{reqest.id}')).toThrow(TemplateError);
    expect(templateProblem('a {reqest.id}')).toBe('unknown name {reqest.id}');
    expect(templateProblem('{request.header.bad name}')).toBeUndefined(); // a space ends the name: this is text
    expect(templateProblem('{request.id|shout}')).toMatch(/unknown filter 'shout'/);
    expect(templateProblem('{variable.9lives}')).toMatch(/variable name/);
    expect(templateProblem('{request.header.a(b)}')).toMatch(/not a header name/);
    expect(templateProblem('{request.method} {client.id}')).toBeUndefined();
  });
});
