import type { Page, PageRequest } from '../entities/common.js';
import type { Product, ProductCreate, ProductUpdate } from '../entities/product.js';
import { notFound } from '../errors/catalogue.js';
import type { ProductFilter, Repositories } from '../ports/index.js';
import { applyPatch, require, requireReferences, type ServiceContext, throwIfInvalid, timestamp } from './context.js';

const KIND = 'product';

/** Products: bundles of API projects offered to clients. */
export class ProductService {
  constructor(private readonly context: ServiceContext) {}

  create(input: ProductCreate): Promise<Product> {
    return this.context.store.transaction(async (repos) => {
      const now = timestamp(this.context);
      const product: Product = {
        id: input.id ?? this.context.ids.next(),
        name: input.name,
        description: input.description ?? '',
        serverGroupIds: input.serverGroupIds ?? [],
        access: input.access ?? 'public',
        keyApproval: input.keyApproval ?? 'automatic',
        scopes: input.scopes ?? [],
        quota: input.quota ?? null,
        projectIds: input.projectIds ?? [],
        createdAt: now,
        updatedAt: now,
      };
      await this.checkReferences(repos, product, []);
      await repos.products.insert(product);
      return product;
    });
  }

  get(id: string): Promise<Product> {
    return require(this.context.store.products.get(id), KIND, id);
  }

  list(filter: ProductFilter, page: PageRequest): Promise<Page<Product>> {
    return this.context.store.products.list(filter, page);
  }

  update(id: string, patch: ProductUpdate): Promise<Product> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.products.get(id), KIND, id);
      const next = { ...applyPatch(current, patch), updatedAt: timestamp(this.context) };
      await this.checkReferences(repos, next, current.projectIds);
      await repos.products.update(next);
      return next;
    });
  }

  /** A product still offered by an organization or held by a subscription answers `REFERENCED`. */
  async delete(id: string): Promise<void> {
    if (!(await this.context.store.products.delete(id))) throw notFound(KIND, id);
  }

  /**
   * Server groups and projects must exist; a project joining the product must be active
   * (deprecated and retired projects stay where they are but join no product).
   */
  private async checkReferences(repos: Repositories, product: Product, keptProjectIds: readonly string[]): Promise<void> {
    await requireReferences(product.serverGroupIds, (id) => repos.serverGroups.get(id), 'server group', 'serverGroupIds');
    await requireReferences(product.projectIds, (id) => repos.projects.get(id), 'project', 'projectIds');
    const fields: Record<string, string> = {};
    for (const [index, projectId] of product.projectIds.entries()) {
      if (keptProjectIds.includes(projectId)) continue;
      const project = await repos.projects.get(projectId);
      if (project !== undefined && project.status !== 'active') {
        fields[`projectIds.${index}`] = `project '${projectId}' is ${project.status} and cannot be added to a product`;
      }
    }
    throwIfInvalid(fields);
  }
}
