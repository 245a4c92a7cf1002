import { expect } from 'vitest';

/** Calls the management API of a running platform as the administrator. */
export function adminClient(url: string, token: string) {
  return async function call(method: string, path: string, body?: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const response = await fetch(`${url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
  };
}

export type AdminCall = ReturnType<typeof adminClient>;

/**
 * Retries `probe` until it returns `expected` or the guard runs out. The guard only keeps a
 * broken build from hanging; the propagation time itself is measured by the benchmark.
 */
export async function eventually<T>(probe: () => Promise<T>, expected: T, guardMs = 5_000): Promise<void> {
  const deadline = Date.now() + guardMs;
  let last: T = await probe();
  while (last !== expected && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    last = await probe();
  }
  expect(last).toEqual(expected);
}
