import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CATALOGUE, invalidField, TollgateError } from './catalogue.js';

const doc = readFileSync(new URL('../../../../docs/errors.md', import.meta.url), 'utf8');

/** `| \`CODE\` | 400 | Title | when |` rows of the table in docs/errors.md. */
function documentedCodes(): Array<{ code: string; status: number; title: string }> {
  return [...doc.matchAll(/^\| `([A-Z_]+)` \| (\d{3}) \| ([^|]+?) \|/gm)].map(([, code = '', status = '', title = '']) => ({
    code,
    status: Number(status),
    title,
  }));
}

describe('error catalogue', () => {
  it('is documented in docs/errors.md code by code, with the same status and title', () => {
    const catalogue = Object.entries(ERROR_CATALOGUE).map(([code, { status, title }]) => ({ code, status, title }));
    expect(documentedCodes()).toEqual(catalogue);
  });

  it('uses SCREAMING_SNAKE codes and HTTP error statuses', () => {
    for (const [code, { status }] of Object.entries(ERROR_CATALOGUE)) {
      expect(code).toMatch(/^[A-Z]+(_[A-Z0-9]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
  });

  it('gives a TollgateError the status of its code', () => {
    const error = new TollgateError('REFERENCED', 'still used');
    expect([error.status, error.code, error.message]).toEqual([409, 'REFERENCED', 'still used']);
  });

  it('names the field of a single-field validation error', () => {
    const error = invalidField('parentId', 'is immutable');
    expect([error.code, error.fields]).toEqual(['VALIDATION_FAILED', { parentId: 'is immutable' }]);
  });
});
