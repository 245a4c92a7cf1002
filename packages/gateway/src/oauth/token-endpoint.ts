import type { IncomingMessage, ServerResponse } from 'node:http';
import { type ConsumerSecrets, SecretsUnavailable } from '../credentials/consumer-secrets.js';
import type { KeyEntry } from '../policies/kit.js';
import type { Snapshot } from '../snapshot/snapshot.js';
import { sha256Hex } from '../snapshot/snapshot.js';
import { ACCESS_TOKEN_TTL_SECONDS } from './access-tokens.js';

/** The token endpoint's path on every gateway node. */
export const TOKEN_PATH = '/oauth/token';

/** A token request body larger than this is refused (a form of a few fields). */
const MAX_FORM_BYTES = 8 * 1024;

/** An RFC 6749 §5.2 error: status, `error` code and description. */
class OAuthError extends Error {
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(description);
  }
}

const invalidClient = () => new OAuthError(401, 'invalid_client', 'the client credentials are not valid');

/**
 * `POST /oauth/token` (RFC 6749 §4.4, client credentials grant). The client is a subscription
 * product: `client_id` is its consumer key, `client_secret` its consumer secret, sent with
 * HTTP Basic or as form fields (§2.3.1, not both). The token opens the projects of that product
 * in this server group and carries the product's scopes (or the requested subset).
 */
export function createTokenEndpoint(secrets: ConsumerSecrets, snapshot: () => Snapshot) {
  return async function tokenEndpoint(request: IncomingMessage, response: ServerResponse, requestId: string): Promise<void> {
    try {
      if (request.method !== 'POST') throw new OAuthError(405, 'invalid_request', 'use POST');
      const form = await readForm(request);
      const grantType = form.get('grant_type');
      if (grantType === null) throw new OAuthError(400, 'invalid_request', 'grant_type is required');
      if (grantType !== 'client_credentials') {
        throw new OAuthError(400, 'unsupported_grant_type', 'only the client_credentials grant is supported');
      }
      const current = snapshot();
      const { clientId, clientSecret } = clientCredentials(request, form);
      const entry = await authenticate(current, secrets, clientId, clientSecret);
      const scopes = grantedScopes(form.get('scope'), entry.productScopes);
      const token = await current.accessTokens.issue({
        keyDigest: entry.keyDigest,
        serverGroupId: current.serverGroupId,
        clientId: entry.clientId,
        scopes,
      });
      send(response, 200, requestId, {
        access_token: token,
        token_type: 'Bearer',
        expires_in: ACCESS_TOKEN_TTL_SECONDS,
        scope: scopes.join(' '),
      });
    } catch (error) {
      if (!(error instanceof OAuthError)) throw error;
      const headers: Record<string, string> = error.status === 401 ? { 'www-authenticate': 'Basic realm="tollgate"' } : {};
      if (error.status === 405) headers.allow = 'POST';
      send(response, error.status, requestId, { error: error.error, error_description: error.message }, headers);
    }
  };
}

async function readForm(request: IncomingMessage): Promise<URLSearchParams> {
  const type = (request.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') {
    throw new OAuthError(400, 'invalid_request', 'send the parameters as application/x-www-form-urlencoded');
  }
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > MAX_FORM_BYTES) throw new OAuthError(400, 'invalid_request', `the form is larger than ${MAX_FORM_BYTES} bytes`);
    chunks.push(chunk);
  }
  const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  for (const name of new Set(form.keys())) {
    if (form.getAll(name).length > 1) throw new OAuthError(400, 'invalid_request', `${name} is repeated`);
  }
  return form;
}

/** Basic (each part form-url-encoded, RFC 6749 §2.3.1) or form fields; one method only. */
function clientCredentials(request: IncomingMessage, form: URLSearchParams): { clientId: string; clientSecret: string } {
  const authorization = request.headers.authorization;
  const inForm = form.has('client_id') || form.has('client_secret');
  if (authorization !== undefined) {
    if (inForm) throw new OAuthError(400, 'invalid_request', 'authenticate the client with Basic or form fields, not both');
    const match = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(authorization);
    const decoded = match?.[1] === undefined ? '' : Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) throw invalidClient();
    try {
      return { clientId: decodeFormPart(decoded.slice(0, colon)), clientSecret: decodeFormPart(decoded.slice(colon + 1)) };
    } catch {
      throw invalidClient();
    }
  }
  const clientId = form.get('client_id');
  const clientSecret = form.get('client_secret');
  if (clientId === null || clientSecret === null) throw invalidClient();
  return { clientId, clientSecret };
}

function decodeFormPart(value: string): string {
  return decodeURIComponent(value.replaceAll('+', ' '));
}

/** The key's entry when the key is current, active, offered here and the secret matches. */
async function authenticate(snapshot: Snapshot, secrets: ConsumerSecrets, clientId: string, clientSecret: string): Promise<KeyEntry> {
  const keyDigest = sha256Hex(clientId);
  const entry = snapshot.keys.get(keyDigest);
  // A predecessor in its grace period opens APIs but cannot obtain new tokens (its secret is gone).
  if (entry === undefined || entry.expiresAt !== null) throw invalidClient();
  let matches: boolean;
  try {
    matches = await secrets.matches(keyDigest, clientSecret);
  } catch (error) {
    if (!(error instanceof SecretsUnavailable)) throw error;
    throw new OAuthError(503, 'temporarily_unavailable', 'the credential store cannot be reached; try again');
  }
  if (!matches) throw invalidClient();
  if (!entry.active) throw new OAuthError(400, 'unauthorized_client', 'the subscription, its key or its client is not active');
  if (!entry.offeredHere) throw new OAuthError(400, 'unauthorized_client', "the key's product is not offered in this server group");
  return entry;
}

/** The requested scopes (all must belong to the product), or every scope of the product. */
function grantedScopes(requested: string | null, productScopes: readonly string[]): string[] {
  if (requested === null || requested.trim() === '') return [...productScopes];
  const scopes = [...new Set(requested.split(' ').filter((scope) => scope !== ''))];
  const unknown = scopes.filter((scope) => !productScopes.includes(scope));
  if (unknown.length > 0) throw new OAuthError(400, 'invalid_scope', `not a scope of the product: ${unknown.join(', ')}`);
  return scopes;
}

function send(response: ServerResponse, status: number, requestId: string, body: object, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    pragma: 'no-cache',
    'x-request-id': requestId,
  });
  response.end(text);
}
