import Value from 'typebox/value';
import { describe, expect, it } from 'vitest';
import { acceptsConfig, instantiate, makeExchange, makeKeyEntry } from '../../testing/policy-kit.js';
import { variableOf } from '../variables.js';
import { assignVariables } from './index.js';

describe('policy: assign-variables', () => {
  describe('config', () => {
    it('needs at least one variable, with a valid name', () => {
      expect(acceptsConfig(assignVariables, {})).toBe(false);
      expect(acceptsConfig(assignVariables, { variables: {} })).toBe(false);
      expect(acceptsConfig(assignVariables, { variables: { region: 'eu' } })).toBe(true);
      expect(acceptsConfig(assignVariables, { variables: { 'x-1_a': 'eu' } })).toBe(true);
      for (const name of ['1st', 'a.b', 'a b', '', 'x'.repeat(65)]) {
        expect(acceptsConfig(assignVariables, { variables: { [name]: 'v' } }), name).toBe(false);
      }
      expect(acceptsConfig(assignVariables, { variables: { a: 'v' }, scope: 'call' })).toBe(false);
    });

    it('refuses a template that does not compile, naming the variable', () => {
      const config = Value.Default(assignVariables.schema, { variables: { ok: '{client.id}', bad: '{client.nme}' } });
      expect(assignVariables.check?.(config)).toEqual({ 'variables.bad': 'unknown name {client.nme}' });
    });
  });

  it('sets each variable from its template for this call only', () => {
    const handler = instantiate(assignVariables, { variables: { caller: '{client.id}', region: '{request.header.x-region|lower}' } });
    const first = makeExchange({ identity: makeKeyEntry({ clientId: 'alice' }), headers: { 'x-region': 'EU' } });
    const second = makeExchange({ headers: { 'x-region': 'US' } });

    expect(handler.onRequest?.(first)).toBeUndefined();
    expect(handler.onRequest?.(second)).toBeUndefined();

    expect([variableOf(first, 'caller'), variableOf(first, 'region')]).toEqual(['alice', 'eu']);
    expect([variableOf(second, 'caller'), variableOf(second, 'region')]).toEqual(['', 'us']);
  });

  it('sets variables in the order written, so a value can use an earlier one', () => {
    const handler = instantiate(assignVariables, {
      variables: { a: '{request.method}', b: '{variable.a}-{variable.a}', c: '{variable.d}' },
    });
    const exchange = makeExchange({ method: 'PUT' });
    handler.onRequest?.(exchange);
    expect([variableOf(exchange, 'b'), variableOf(exchange, 'c')]).toEqual(['PUT-PUT', '']);
  });

  it('reads the answer in a response flow, replacing a value set earlier in the call', () => {
    const exchange = makeExchange();
    instantiate(assignVariables, { variables: { outcome: 'pending' } }).onRequest?.(exchange);
    exchange.response = { status: 503, headers: { 'retry-after': '5' }, body: undefined };
    instantiate(assignVariables, { variables: { outcome: '{response.status} after {response.header.retry-after}s' } }).onResponse?.(
      exchange,
    );
    expect(variableOf(exchange, 'outcome')).toBe('503 after 5s');
  });
});
