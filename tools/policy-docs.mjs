// Writes docs/policies/<type>.md and docs/policies/README.md from the built policy registry.
// Run with `npm run docs:policies` (it builds first).
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { renderPolicyDoc, renderPolicyIndex } from '../packages/gateway/dist/policies/docs.js';
import { POLICIES } from '../packages/gateway/dist/policies/index.js';

const folder = new URL('../docs/policies/', import.meta.url);
mkdirSync(folder, { recursive: true });
for (const file of readdirSync(folder)) if (file.endsWith('.md')) rmSync(new URL(file, folder));
for (const policy of POLICIES) writeFileSync(new URL(`${policy.name}.md`, folder), renderPolicyDoc(policy));
writeFileSync(new URL('README.md', folder), renderPolicyIndex(POLICIES));
console.log(`docs/policies: ${POLICIES.length} policy types written`);
