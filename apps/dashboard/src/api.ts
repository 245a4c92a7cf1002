import { ApiProblem, createApiClient } from '@tollgate/api-client';

const TOKEN_KEY = 'tollgate.session';

/**
 * The signed-in user's session token, in sessionStorage: other tabs do not share it, a reload
 * keeps it, and a browser that restores a closed tab may restore it too, so only Log out (or the
 * session's end on the server) ends it.
 */
export const session = {
  token: (): string | undefined => sessionStorage.getItem(TOKEN_KEY) ?? undefined,
  start(token: string): void {
    sessionStorage.setItem(TOKEN_KEY, token);
  },
  end(): void {
    sessionStorage.removeItem(TOKEN_KEY);
  },
};

/** Fired when the API answers 401 to a signed-in call: the session ended (expired, logged out elsewhere). */
export const SESSION_ENDED = 'tollgate:session-ended';

/** The management API, as the signed-in user. Every page goes through it: no private endpoints. */
export const api = createApiClient({
  token: session.token,
  onUnauthenticated() {
    if (session.token() === undefined) return;
    session.end();
    window.dispatchEvent(new Event(SESSION_ENDED));
  },
});

/** The message of anything a call threw, for a banner. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiProblem) return `${error.message} (${error.code})`;
  return error instanceof Error ? error.message : String(error);
}
