import type { Client, ClientCreate, ClientUpdate } from '../entities/client.js';
import type { Page, PageRequest } from '../entities/common.js';
import { invalidField, notFound, TollgateError } from '../errors/catalogue.js';
import type { ClientFilter, Repositories } from '../ports/index.js';
import { applyPatch, require, type ServiceContext, timestamp } from './context.js';

const KIND = 'client';

/** Clients: API consumers, each with a unique e-mail and at most one organization. */
export class ClientService {
  constructor(private readonly context: ServiceContext) {}

  create(input: ClientCreate): Promise<Client> {
    return this.context.store.transaction(async (repos) => {
      const now = timestamp(this.context);
      const client: Client = {
        id: input.id ?? this.context.ids.next(),
        email: input.email,
        name: input.name,
        status: input.status ?? 'active',
        organizationId: input.organizationId ?? null,
        attributes: input.attributes ?? {},
        createdAt: now,
        updatedAt: now,
      };
      await requireUniqueEmail(repos, client);
      await requireOrganization(repos, client.organizationId);
      await repos.clients.insert(client);
      return client;
    });
  }

  get(id: string): Promise<Client> {
    return require(this.context.store.clients.get(id), KIND, id);
  }

  list(filter: ClientFilter, page: PageRequest): Promise<Page<Client>> {
    return this.context.store.clients.list(filter, page);
  }

  /**
   * Moving a client to another organization is refused while one of its subscriptions holds
   * a product the new organization does not offer. Setting it inactive stops its keys.
   */
  update(id: string, patch: ClientUpdate): Promise<Client> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.clients.get(id), KIND, id);
      const next = { ...applyPatch(current, patch), updatedAt: timestamp(this.context) };
      if (next.email.toLowerCase() !== current.email.toLowerCase()) await requireUniqueEmail(repos, next);
      if (next.organizationId !== current.organizationId) {
        const organization = await requireOrganization(repos, next.organizationId);
        if (organization !== undefined) await requireSubscriptionsWithin(repos, id, organization.id, organization.productIds);
      }
      await repos.clients.update(next);
      return next;
    });
  }

  /** A client that still has subscriptions answers `REFERENCED`. */
  async delete(id: string): Promise<void> {
    if (!(await this.context.store.clients.delete(id))) throw notFound(KIND, id);
  }
}

async function requireUniqueEmail(repos: Repositories, client: Client): Promise<void> {
  const holder = await repos.clients.findByEmail(client.email);
  if (holder !== undefined && holder.id !== client.id) {
    throw new TollgateError('CONFLICT', `a client with e-mail '${client.email}' already exists`, {
      email: 'is already used by another client',
    });
  }
}

async function requireOrganization(repos: Repositories, organizationId: string | null) {
  if (organizationId === null) return undefined;
  const organization = await repos.organizations.get(organizationId);
  if (organization === undefined) throw invalidField('organizationId', `names no organization ('${organizationId}' does not exist)`);
  return organization;
}

async function requireSubscriptionsWithin(
  repos: Repositories,
  clientId: string,
  organizationId: string,
  productIds: readonly string[],
): Promise<void> {
  let cursor: string | undefined;
  do {
    const page = await repos.subscriptions.list({ clientId }, { limit: 100, cursor });
    for (const subscription of page.items) {
      const outside = subscription.products.find((entry) => !productIds.includes(entry.productId));
      if (outside !== undefined) {
        throw new TollgateError(
          'CONFLICT',
          `subscription '${subscription.id}' holds product '${outside.productId}', which organization '${organizationId}' does not offer`,
          { organizationId: 'does not offer every product the client subscribes to' },
        );
      }
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
}
