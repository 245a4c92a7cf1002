import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderPolicyDoc, renderPolicyIndex } from './docs.js';
import { POLICIES } from './index.js';

const docs = new URL('../../../../docs/policies/', import.meta.url);
const committed = (file: string) => readFileSync(new URL(file, docs), 'utf8');

describe('docs/policies (generated)', () => {
  it('has one page per policy type and an index, nothing else', () => {
    expect(readdirSync(docs).sort()).toEqual(['README.md', ...POLICIES.map((p) => `${p.name}.md`)].sort());
  });

  it.each(POLICIES.map((policy) => [policy.name, policy] as const))(
    '%s.md is what the schema and README render (npm run docs:policies)',
    (name, policy) => {
      expect(committed(`${name}.md`)).toBe(renderPolicyDoc(policy));
    },
  );

  it('README.md lists every type in run order (npm run docs:policies)', () => {
    expect(committed('README.md')).toBe(renderPolicyIndex(POLICIES));
  });

  it('documents every field of a schema with its type and default', () => {
    const policy = POLICIES.find((p) => p.name === 'verify-api-key');
    if (policy === undefined) throw new Error('verify-api-key is not registered');
    const page = renderPolicyDoc(policy);
    expect(page).toContain('| `header` | string | `"x-api-key"` |');
  });
});
