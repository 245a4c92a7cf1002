import { createAdminApi } from '@tollgate/admin-api';
import { createServices } from '@tollgate/domain';
import { POLICIES } from '@tollgate/gateway/policies';
import { nodeCredentialIssuer, nodePasswordHasher, systemClock, uuidGenerator } from '@tollgate/storage';
import { sqliteBackend } from '@tollgate/storage/testing';
import openapiTS, { astToString } from 'openapi-typescript';
import { expect, it } from 'vitest';

/**
 * `schema.ts` is the API's OpenAPI document as TypeScript types. This test regenerates it from the
 * live document and fails when the committed file differs (a route changed without the client):
 * run `npx vitest run packages/api-client -u` to write it again.
 */
it('holds the types of the current OpenAPI document', async () => {
  const test = await sqliteBackend.open();
  try {
    const services = createServices({
      store: test.store,
      clock: systemClock,
      ids: uuidGenerator,
      credentials: nodeCredentialIssuer,
      passwords: nodePasswordHasher,
      policyTypes: POLICIES,
    });
    const app = await createAdminApi({ services, adminToken: 'schema', version: '0.0.0' });
    await app.ready();
    const document = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    await app.close();
    const source = astToString(await openapiTS(document, { alphabetize: true }));
    await expect(
      `/** Generated from the management API's OpenAPI document by schema.test.ts: do not edit. */\n${source}`,
    ).toMatchFileSnapshot('./schema.ts');
  } finally {
    await test.dispose();
  }
});
