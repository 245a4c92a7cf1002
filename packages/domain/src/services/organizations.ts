import type { Page, PageRequest } from '../entities/common.js';
import type { Organization, OrganizationCreate, OrganizationUpdate } from '../entities/organization.js';
import { invalidField, notFound, TollgateError } from '../errors/catalogue.js';
import type { OrganizationFilter, Repositories } from '../ports/index.js';
import { applyPatch, require, requireReferences, type ServiceContext, throwIfInvalid, timestamp } from './context.js';

const KIND = 'organization';

/**
 * Organizations form a tree fixed at creation: a root offers any product, a sub-organization
 * only its parent's, and its clients subscribe only to its products.
 */
export class OrganizationService {
  constructor(private readonly context: ServiceContext) {}

  create(input: OrganizationCreate): Promise<Organization> {
    return this.context.store.transaction(async (repos) => {
      const now = timestamp(this.context);
      const organization: Organization = {
        id: input.id ?? this.context.ids.next(),
        name: input.name,
        administrators: input.administrators ?? [],
        parentId: input.parentId ?? null,
        productIds: input.productIds ?? [],
        createdAt: now,
        updatedAt: now,
      };
      if (organization.parentId !== null && (await repos.organizations.get(organization.parentId)) === undefined) {
        throw invalidField('parentId', `names no organization ('${organization.parentId}' does not exist)`);
      }
      await this.checkProducts(repos, organization);
      await repos.organizations.insert(organization);
      return organization;
    });
  }

  get(id: string): Promise<Organization> {
    return require(this.context.store.organizations.get(id), KIND, id);
  }

  list(filter: OrganizationFilter, page: PageRequest): Promise<Page<Organization>> {
    return this.context.store.organizations.list(filter, page);
  }

  /**
   * `parentId` is accepted only unchanged. A product can leave the organization only when no
   * sub-organization offers it and no subscription of the organization's clients holds it.
   */
  update(id: string, patch: OrganizationUpdate): Promise<Organization> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.organizations.get(id), KIND, id);
      if (patch.parentId !== undefined && patch.parentId !== current.parentId) {
        throw invalidField('parentId', 'is immutable: an organization keeps the parent it was created with');
      }
      const next = { ...applyPatch(current, patch), updatedAt: timestamp(this.context) };
      await this.checkProducts(repos, next);
      const removed = current.productIds.filter((productId) => !next.productIds.includes(productId));
      for (const productId of removed) await this.requireUnused(repos, id, productId);
      await repos.organizations.update(next);
      return next;
    });
  }

  /** An organization with sub-organizations or clients answers `REFERENCED`. */
  async delete(id: string): Promise<void> {
    if (!(await this.context.store.organizations.delete(id))) throw notFound(KIND, id);
  }

  private async checkProducts(repos: Repositories, organization: Organization): Promise<void> {
    await requireReferences(organization.productIds, (id) => repos.products.get(id), 'product', 'productIds');
    if (organization.parentId === null) return;
    const parent = await require(repos.organizations.get(organization.parentId), KIND, organization.parentId);
    const fields: Record<string, string> = {};
    for (const [index, productId] of organization.productIds.entries()) {
      if (!parent.productIds.includes(productId)) {
        fields[`productIds.${index}`] = `product '${productId}' is not offered by the parent organization '${parent.id}'`;
      }
    }
    throwIfInvalid(fields);
  }

  private async requireUnused(repos: Repositories, organizationId: string, productId: string): Promise<void> {
    const child = (await repos.organizations.list({ parentId: organizationId, productId }, { limit: 1 })).items[0];
    if (child !== undefined) {
      throw new TollgateError('REFERENCED', `product '${productId}' is still offered by sub-organization '${child.id}'`);
    }
    const holder = (await repos.subscriptions.list({ organizationId, productId }, { limit: 1 })).items[0];
    if (holder !== undefined) {
      throw new TollgateError('REFERENCED', `product '${productId}' is still held by subscription '${holder.id}' of this organization`);
    }
  }
}
