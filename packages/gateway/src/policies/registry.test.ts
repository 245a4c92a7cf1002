import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICIES } from './index.js';

const folder = (name: string) => new URL(`./${name}/`, import.meta.url);

/** Every property schema of an object schema, recursively, with its path. */
function fields(schema: unknown, path = ''): Array<[string, Record<string, unknown>]> {
  const properties = (schema as { properties?: Record<string, Record<string, unknown>> }).properties ?? {};
  return Object.entries(properties).flatMap(([name, child]) => [
    [`${path}${name}`, child] as [string, Record<string, unknown>],
    ...fields(child, `${path}${name}.`),
  ]);
}

describe('policy registry', () => {
  it('pins the order policies run in', () => {
    expect(POLICIES.map((policy) => policy.name)).toEqual([
      'ip-filter',
      'cors',
      'verify-api-key',
      'verify-access-token',
      'jwt',
      'basic-auth',
      'monetization-limit-check',
      'spike-arrest',
      'rate-limit',
      'quota',
      'concurrent-limit',
      'json-threat-protection',
      'xml-threat-protection',
      'regex-protection',
      'validate-json',
      'validate-openapi',
      'rewrite',
      'assign-variables',
      'headers',
      'xml-to-json',
      'json-to-xml',
      'build-message',
      'response-cache',
      'mock-response',
      'fault-handling',
    ]);
  });

  it('lists policies by ascending, unique priority', () => {
    const priorities = POLICIES.map((policy) => policy.priority);
    expect(new Set(priorities).size).toBe(priorities.length);
    expect([...priorities].sort((a, b) => a - b)).toEqual(priorities);
  });

  it('registers every policy folder, named as its type', () => {
    const folders = readdirSync(new URL('./', import.meta.url), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name)
      .sort();
    expect(folders).toEqual(POLICIES.map((policy) => policy.name).sort());
  });

  it.each(POLICIES.map((policy) => [policy.name, policy] as const))(
    '%s has a README, tests, flows and a described schema',
    (name, policy) => {
      expect(existsSync(new URL('README.md', folder(name)))).toBe(true);
      expect(readdirSync(folder(name)).some((file) => file.endsWith('.test.ts'))).toBe(true);
      expect(policy.description.length).toBeGreaterThan(10);
      expect(policy.flows.length).toBeGreaterThan(0);
      for (const [path, field] of fields(policy.schema)) {
        expect(typeof field.description, `${name}: ${path} has no description`).toBe('string');
      }
    },
  );
});
