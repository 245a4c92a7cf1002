import type { IncomingMessage } from 'node:http';
import type { Project } from '@tollgate/domain';
import type { KeyEntry } from './policies/kit.js';
import type { CompiledResource } from './snapshot/router.js';
import type { CompiledProject } from './snapshot/snapshot.js';

/**
 * One call through the gateway, as policies see it. Created once per request; policies read
 * it and change only what is forwarded (`requestHeaders`, the query) and `identity`.
 */
export class Exchange {
  /** Who is calling, once a key policy has recognised the key. */
  identity: KeyEntry | undefined = undefined;

  constructor(
    readonly request: IncomingMessage,
    readonly requestId: string,
    readonly method: string,
    /** The normalised path, as routed and forwarded. */
    readonly path: string,
    /** Query string without `?` ('' when none), as forwarded. */
    public query: string,
    readonly compiled: CompiledProject,
    readonly resource: CompiledResource | undefined,
    /** The path after the context path ('' or starting with '/'). */
    readonly remainder: string,
    /** The headers that will be forwarded; policies may add, change or delete entries. */
    readonly requestHeaders: Record<string, string | string[]>,
  ) {}

  get project(): Project {
    return this.compiled.project;
  }

  /** Removes a query parameter from what is forwarded and returns its (first) value. */
  takeQueryParameter(name: string): string | undefined {
    if (this.query === '') return undefined;
    const params = new URLSearchParams(this.query);
    const value = params.get(name);
    if (value === null) return undefined;
    params.delete(name);
    this.query = params.toString();
    return value;
  }
}
