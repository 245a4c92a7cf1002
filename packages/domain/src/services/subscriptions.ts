import type { Page, PageRequest } from '../entities/common.js';
import type {
  IssuedSubscription,
  IssuedSubscriptionProduct,
  Subscription,
  SubscriptionCreate,
  SubscriptionProduct,
  SubscriptionProductInput,
  SubscriptionProductRecord,
  SubscriptionRecord,
  SubscriptionUpdate,
} from '../entities/subscription.js';
import { notFound, TollgateError } from '../errors/catalogue.js';
import type { Repositories, SubscriptionFilter } from '../ports/index.js';
import { applyPatch, require, type ServiceContext, throwIfInvalid, timestamp } from './context.js';
import { schedulePlanChanges } from './plan-changes.js';

const KIND = 'subscription';

/**
 * Client subscriptions (applications). Each subscribed product carries its own consumer key
 * and secret, issued when the product is added and shown in that one response only; the
 * store keeps their digests and a visible prefix.
 */
export class SubscriptionService {
  constructor(private readonly context: ServiceContext) {}

  create(input: SubscriptionCreate): Promise<IssuedSubscription> {
    return this.context.store.transaction(async (repos) => {
      const now = timestamp(this.context);
      const client = await repos.clients.get(input.clientId);
      if (client === undefined) {
        throw new TollgateError('VALIDATION_FAILED', `client '${input.clientId}' does not exist`, { clientId: 'names no client' });
      }
      const issued = await this.entriesFor(repos, client.organizationId, input.products, []);
      const record: SubscriptionRecord = {
        id: input.id ?? this.context.ids.next(),
        name: input.name,
        clientId: input.clientId,
        status: input.status ?? 'active',
        description: input.description ?? '',
        redirectUri: input.redirectUri ?? null,
        properties: input.properties ?? {},
        products: issued.map((entry) => entry.record),
        createdAt: now,
        updatedAt: now,
      };
      await repos.subscriptions.insert(record);
      await schedulePlanChanges(repos, record.id, [], record.products, Date.parse(now));
      return withCredentials(record, issued);
    });
  }

  async get(id: string): Promise<Subscription> {
    return toPublic(await require(this.context.store.subscriptions.get(id), KIND, id));
  }

  async list(filter: SubscriptionFilter, page: PageRequest): Promise<Page<Subscription>> {
    const found = await this.context.store.subscriptions.list(filter, page);
    return { items: found.items.map(toPublic), nextCursor: found.nextCursor };
  }

  /**
   * Replaces the fields sent. A `products` list replaces the current one: products already
   * subscribed keep their keys, new ones get keys (in this response only), missing ones are removed.
   */
  update(id: string, patch: SubscriptionUpdate): Promise<IssuedSubscription> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.subscriptions.get(id), KIND, id);
      const { products: productInputs, ...plain } = patch;
      const client = await require(repos.clients.get(current.clientId), 'client', current.clientId);
      const issued =
        productInputs === undefined
          ? current.products.map((record) => ({ record }))
          : await this.entriesFor(repos, client.organizationId, productInputs, current.products);
      const next: SubscriptionRecord = {
        ...applyPatch(current, plain),
        products: issued.map((entry) => entry.record),
        updatedAt: timestamp(this.context),
      };
      await repos.subscriptions.update(next);
      await schedulePlanChanges(repos, id, current.products, next.products, this.context.clock.now().getTime());
      return withCredentials(next, issued);
    });
  }

  /**
   * A subscription that has ever been on a rate plan answers `REFERENCED`: its plan history is what
   * its invoices, balances and reports are rated from, and goes with it. Revoke it instead.
   */
  delete(id: string): Promise<void> {
    return this.context.store.transaction(async (repos) => {
      if ((await repos.planChanges.history(id)).length > 0) {
        throw new TollgateError('REFERENCED', `subscription '${id}' has been on a rate plan: its billing history stays; revoke it instead`);
      }
      if (!(await repos.subscriptions.delete(id))) throw notFound(KIND, id);
    });
  }

  /**
   * Issues a new key pair for one subscribed product. With `graceSeconds` > 0 the previous key
   * keeps working until `previousKeyExpiresAt`; otherwise it stops at once.
   */
  regenerate(id: string, productId: string, graceSeconds: number): Promise<IssuedSubscriptionProduct> {
    return this.changeEntry(id, productId, (entry, now) => {
      const credentials = this.context.credentials.issue();
      const record: SubscriptionProductRecord = {
        ...entry,
        keyPrefix: credentials.keyPrefix,
        keyDigest: credentials.keyDigest,
        secretDigest: credentials.secretDigest,
        keyIssuedAt: now.toISOString(),
        previousKeyDigest: graceSeconds > 0 ? entry.keyDigest : null,
        previousKeyExpiresAt: graceSeconds > 0 ? new Date(now.getTime() + graceSeconds * 1000).toISOString() : null,
      };
      return { record, credentials };
    });
  }

  /** Approves a pending (or revoked) product key. */
  async approve(id: string, productId: string): Promise<SubscriptionProduct> {
    return this.changeEntry(id, productId, (entry) => ({ record: { ...entry, status: 'approved' } }));
  }

  /** Revokes a product key: it stops working at once, and so does a predecessor in its grace period. */
  async revoke(id: string, productId: string): Promise<SubscriptionProduct> {
    return this.changeEntry(id, productId, (entry) => ({ record: { ...entry, status: 'revoked' } }));
  }

  private changeEntry(
    id: string,
    productId: string,
    change: (entry: SubscriptionProductRecord, now: Date) => IssuedEntry,
  ): Promise<IssuedSubscriptionProduct> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.subscriptions.get(id), KIND, id);
      const entry = current.products.find((candidate) => candidate.productId === productId);
      if (entry === undefined) throw new TollgateError('NOT_FOUND', `subscription '${id}' does not hold product '${productId}'`);
      const now = this.context.clock.now();
      const changed = change(entry, now);
      const products = current.products.map((candidate) => (candidate === entry ? changed.record : candidate));
      await repos.subscriptions.update({ ...current, products, updatedAt: now.toISOString() });
      return issuedEntry(changed);
    });
  }

  /**
   * Builds the product entries of a subscription: kept entries keep their keys, new ones get
   * fresh keys, approved at once or pending per the product's key approval. Every product must
   * exist, appear once, and be offered by the client's organization when it has one.
   */
  private async entriesFor(
    repos: Repositories,
    organizationId: string | null,
    inputs: readonly SubscriptionProductInput[],
    current: readonly SubscriptionProductRecord[],
  ): Promise<IssuedEntry[]> {
    const organization = organizationId === null ? undefined : await repos.organizations.get(organizationId);
    const fields: Record<string, string> = {};
    const entries: IssuedEntry[] = [];
    const now = timestamp(this.context);
    for (const [index, input] of inputs.entries()) {
      const field = `products.${index}`;
      if (inputs.slice(0, index).some((other) => other.productId === input.productId)) {
        fields[`${field}.productId`] = `lists product '${input.productId}' twice`;
        continue;
      }
      if (input.ratePlanId !== undefined && input.ratePlanId !== null) {
        const plan = await repos.ratePlans.get(input.ratePlanId);
        if (plan === undefined || plan.productId !== input.productId) {
          fields[`${field}.ratePlanId`] = `product '${input.productId}' has no rate plan '${input.ratePlanId}'`;
        } else if (plan.endDate !== null && Date.parse(plan.endDate) <= Date.parse(now)) {
          fields[`${field}.ratePlanId`] = `rate plan '${plan.id}' ended at ${plan.endDate}`;
        }
      }
      const kept = current.find((entry) => entry.productId === input.productId);
      if (kept !== undefined) {
        entries.push({ record: { ...kept, ratePlanId: input.ratePlanId === undefined ? kept.ratePlanId : input.ratePlanId } });
        continue;
      }
      const product = await repos.products.get(input.productId);
      if (product === undefined) {
        fields[`${field}.productId`] = `product '${input.productId}' does not exist`;
        continue;
      }
      if (organization !== undefined && !organization.productIds.includes(product.id)) {
        fields[`${field}.productId`] = `product '${product.id}' is not offered by the client's organization '${organization.id}'`;
        continue;
      }
      const credentials = this.context.credentials.issue();
      entries.push({
        credentials,
        record: {
          productId: product.id,
          status: product.keyApproval === 'manual' ? 'pending' : 'approved',
          keyPrefix: credentials.keyPrefix,
          ratePlanId: input.ratePlanId ?? null,
          createdAt: now,
          keyIssuedAt: now,
          previousKeyExpiresAt: null,
          keyDigest: credentials.keyDigest,
          secretDigest: credentials.secretDigest,
          previousKeyDigest: null,
        },
      });
    }
    throwIfInvalid(fields);
    return entries;
  }
}

/** A product entry as stored, plus the raw credentials when this call issued them. */
interface IssuedEntry {
  record: SubscriptionProductRecord;
  credentials?: { consumerKey: string; consumerSecret: string };
}

function publicEntry(record: SubscriptionProductRecord): SubscriptionProduct {
  const { keyDigest: _key, secretDigest: _secret, previousKeyDigest: _previous, ...entry } = record;
  return entry;
}

function issuedEntry({ record, credentials }: IssuedEntry): IssuedSubscriptionProduct {
  if (credentials === undefined) return publicEntry(record);
  return { ...publicEntry(record), consumerKey: credentials.consumerKey, consumerSecret: credentials.consumerSecret };
}

/** A stored subscription without digests. */
export function toPublic(record: SubscriptionRecord): Subscription {
  return { ...record, products: record.products.map(publicEntry) };
}

function withCredentials(record: SubscriptionRecord, entries: readonly IssuedEntry[]): IssuedSubscription {
  return { ...record, products: entries.map(issuedEntry) };
}
