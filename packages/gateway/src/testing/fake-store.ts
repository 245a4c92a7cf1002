import type { GatewayConfig, GatewayConfigSource, GatewayNodeRecord, GatewayNodeReport, NodeRegistry } from '@tollgate/domain';

/** Raised by every method of {@link FakeGatewayStore} while it is {@link FakeGatewayStore.unreachable}. */
export class StoreUnreachableError extends Error {
  readonly code = 'STORAGE_UNAVAILABLE';
  constructor() {
    super('the fake store is unreachable');
  }
}

/**
 * An in-memory stand-in for the store as gateway nodes see it: the configuration source and the
 * node registry in one object. The real store implementations have their own contract tests;
 * gateway tests only need a source whose configuration they can replace, whose version they can
 * move and which they can make unreachable.
 */
export class FakeGatewayStore implements GatewayConfigSource, NodeRegistry {
  /** While true, every call rejects with {@link StoreUnreachableError}, as a store that is down. */
  unreachable = false;
  private config: GatewayConfig;
  private readonly nodes = new Map<string, GatewayNodeRecord>();
  /** Consumer secret digests by key digest, for the OAuth token endpoint; tests fill it. */
  readonly secretDigests = new Map<string, string>();

  constructor(config: GatewayConfig) {
    this.config = structuredClone(config);
  }

  /** The configuration version nodes poll. */
  get version(): number {
    return this.config.version;
  }

  /**
   * Replaces the configuration (deep-copied, so later changes to the argument are not seen) and
   * moves the version past the current one, as any change in the real store does.
   */
  replace(config: Omit<GatewayConfig, 'version'>): number {
    const version = this.config.version + 1;
    this.config = { ...structuredClone(config), version };
    return version;
  }

  /** Moves the version without changing the configuration: nodes rebuild an identical snapshot. */
  bumpVersion(): number {
    this.config = { ...this.config, version: this.config.version + 1 };
    return this.config.version;
  }

  async currentVersion(): Promise<number> {
    this.failIfUnreachable();
    return this.config.version;
  }

  /** The configuration of `serverGroupId`; a group the fake does not hold has nothing deployed. */
  async load(serverGroupId: string, _now: Date): Promise<GatewayConfig> {
    this.failIfUnreachable();
    if (serverGroupId !== this.config.serverGroupId) {
      return { ...structuredClone(this.config), serverGroupId, projects: [] };
    }
    return structuredClone(this.config);
  }

  async secretDigestOf(keyDigest: string): Promise<string | undefined> {
    this.failIfUnreachable();
    return this.secretDigests.get(keyDigest);
  }

  async heartbeat(node: GatewayNodeReport, seenAt: string): Promise<void> {
    this.failIfUnreachable();
    this.nodes.set(node.id, { ...node, lastSeenAt: seenAt });
  }

  async list(serverGroupId: string): Promise<GatewayNodeRecord[]> {
    this.failIfUnreachable();
    return [...this.nodes.values()].filter((node) => node.serverGroupId === serverGroupId);
  }

  async remove(id: string): Promise<void> {
    this.failIfUnreachable();
    this.nodes.delete(id);
  }

  private failIfUnreachable(): void {
    if (this.unreachable) throw new StoreUnreachableError();
  }
}
