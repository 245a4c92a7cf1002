import { POLICIES } from '@tollgate/gateway/policies';
import { nodeCredentialIssuer, uuidGenerator } from '@tollgate/storage';
import { type TestStore, testBackends } from '@tollgate/storage/testing';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ClientCreate } from '../entities/client.js';
import type { Page, PageRequest } from '../entities/common.js';
import type { OrganizationCreate } from '../entities/organization.js';
import type { Product, ProductCreate } from '../entities/product.js';
import type { ProjectCreate, ProjectStatus } from '../entities/project.js';
import type { ServerGroupCreate } from '../entities/server-group.js';
import type { SubscriptionCreate } from '../entities/subscription.js';
import { type ErrorCode, TollgateError } from '../errors/catalogue.js';
import type { Clock, PasswordHasher, Store } from '../ports/index.js';
import { createServices, type Services } from './all.js';

/** The one instant every service sees, so issued and expiry times are exact. */
const NOW = '2030-01-02T03:04:05.000Z';
const clock: Clock = { now: () => new Date(NOW) };

/** A stand-in for scrypt: these rules do not depend on how passwords are hashed, only that they are. */
const passwords: PasswordHasher = {
  hash: async (password) => `fake:${password}`,
  verify: async (password, hash) => hash === `fake:${password}`,
};

/** Base64url after the prefix: 32 random bytes encode to 43 characters. */
const CONSUMER_KEY = /^tg_k_[A-Za-z0-9_-]{43,}$/;
const CONSUMER_SECRET = /^tg_s_[A-Za-z0-9_-]{43,}$/;

let sequence = 0;
/** A fresh slug per call, so factory rows never collide on ids, names or context paths. */
function unique(prefix: string): string {
  sequence += 1;
  return `${prefix}-${sequence}`;
}

function makeServerGroup(over: Partial<ServerGroupCreate> = {}): ServerGroupCreate {
  const id = unique('group');
  return { id, name: `Group ${id}`, ...over };
}

function makeProject(over: Partial<ProjectCreate> = {}): ProjectCreate {
  const id = unique('api');
  return { id, name: `API ${id}`, contextPath: `/${id}`, target: { url: 'http://127.0.0.1:9999' }, ...over };
}

function makeProduct(over: Partial<ProductCreate> = {}): ProductCreate {
  const id = unique('product');
  return { id, name: `Product ${id}`, ...over };
}

function makeOrganization(over: Partial<OrganizationCreate> = {}): OrganizationCreate {
  const id = unique('org');
  return { id, name: `Organization ${id}`, ...over };
}

function makeClient(over: Partial<ClientCreate> = {}): ClientCreate {
  const id = unique('client');
  return { id, email: `${id}@example.com`, name: `Client ${id}`, ...over };
}

function makeSubscription(clientId: string, productIds: readonly string[], over: Partial<SubscriptionCreate> = {}): SubscriptionCreate {
  const id = unique('app');
  return { id, name: `App ${id}`, clientId, products: productIds.map((productId) => ({ productId })), ...over };
}

interface Listable<T, F> {
  list(filter: F, page: PageRequest): Promise<Page<T>>;
}

async function listAll<T, F>(repository: Listable<T, F>, filter: F): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await repository.list(filter, { limit: 100, cursor });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

/** Everything the store holds, digests included: equal before and after means nothing was written. */
async function dump(store: Store) {
  const projects = await listAll(store.projects, {});
  return {
    serverGroups: await listAll(store.serverGroups, {}),
    projects,
    deployments: await Promise.all(projects.map((project) => store.projects.listDeployments(project.id))),
    products: await listAll(store.products, {}),
    organizations: await listAll(store.organizations, {}),
    clients: await listAll(store.clients, {}),
    subscriptions: await listAll(store.subscriptions, {}),
  };
}

/** The catalogue error the action throws; anything else (or success) fails the test. */
async function refusalOf(action: () => Promise<unknown>): Promise<TollgateError> {
  try {
    await action();
  } catch (error) {
    if (error instanceof TollgateError) return error;
    throw error;
  }
  throw new Error('expected the call to be refused, but it succeeded');
}

for (const backend of testBackends()) {
  describe(`domain rules: ${backend.name}`, () => {
    let opened: TestStore | undefined;
    let store: Store;
    let services: Services;

    beforeEach(async () => {
      const fresh = await backend.open();
      opened = fresh;
      store = fresh.store;
      services = createServices({ store, clock, ids: uuidGenerator, credentials: nodeCredentialIssuer, passwords, policyTypes: POLICIES });
    });

    afterEach(async () => {
      // Cleared first, so a failed open in the next test never disposes this store twice.
      const used = opened;
      opened = undefined;
      await used?.dispose();
    });

    /**
     * Asserts the action is refused with exactly this code and these field keys (none: no
     * `fields` at all), and that the store is unchanged afterwards.
     */
    async function expectRefused(action: () => Promise<unknown>, code: ErrorCode, fieldKeys?: string[]): Promise<TollgateError> {
      const before = await dump(store);
      const error = await refusalOf(action);
      expect({ code: error.code, fields: error.fields === undefined ? undefined : Object.keys(error.fields).sort() }).toEqual({
        code,
        fields: fieldKeys === undefined ? undefined : [...fieldKeys].sort(),
      });
      expect(await dump(store)).toEqual(before);
      return error;
    }

    /** A product with default settings. */
    function oneProduct(): Promise<Product> {
      return services.products.create(makeProduct());
    }

    /** Two products with default settings. */
    async function twoProducts(): Promise<[Product, Product]> {
      return [await oneProduct(), await oneProduct()];
    }

    describe('rule 1: client e-mails are unique regardless of case', () => {
      it('refuses a second client with the same e-mail', async () => {
        await services.clients.create(makeClient({ email: 'alice@example.com' }));

        await expectRefused(() => services.clients.create(makeClient({ email: 'alice@example.com' })), 'CONFLICT', ['email']);
      });

      it('refuses a second client whose e-mail differs only in case', async () => {
        await services.clients.create(makeClient({ email: 'alice@example.com' }));

        await expectRefused(() => services.clients.create(makeClient({ email: 'ALICE@Example.COM' })), 'CONFLICT', ['email']);
      });

      it("refuses changing a client's e-mail to another client's e-mail in another case", async () => {
        await services.clients.create(makeClient({ email: 'alice@example.com' }));
        const bob = await services.clients.create(makeClient({ email: 'bob@example.com' }));

        await expectRefused(() => services.clients.update(bob.id, { email: 'Alice@EXAMPLE.com' }), 'CONFLICT', ['email']);
      });

      it("accepts changing the case of the client's own e-mail", async () => {
        const alice = await services.clients.create(makeClient({ email: 'alice@example.com' }));

        await services.clients.update(alice.id, { email: 'Alice@Example.com' });

        expect((await store.clients.get(alice.id))?.email).toBe('Alice@Example.com');
      });

      it('accepts a new e-mail nobody uses', async () => {
        await services.clients.create(makeClient({ email: 'alice@example.com' }));
        const bob = await services.clients.create(makeClient({ email: 'bob@example.com' }));

        await services.clients.update(bob.id, { email: 'robert@example.com' });

        expect((await store.clients.get(bob.id))?.email).toBe('robert@example.com');
      });
    });

    describe('rule 2: an organization keeps the parent it was created with', () => {
      it('refuses moving a sub-organization to another parent', async () => {
        const parent = await services.organizations.create(makeOrganization());
        const other = await services.organizations.create(makeOrganization());
        const child = await services.organizations.create(makeOrganization({ parentId: parent.id }));

        await expectRefused(() => services.organizations.update(child.id, { parentId: other.id }), 'VALIDATION_FAILED', ['parentId']);
      });

      it('refuses giving a root organization a parent', async () => {
        const root = await services.organizations.create(makeOrganization());
        const other = await services.organizations.create(makeOrganization());

        await expectRefused(() => services.organizations.update(root.id, { parentId: other.id }), 'VALIDATION_FAILED', ['parentId']);
      });

      it('refuses turning a sub-organization into a root organization', async () => {
        const parent = await services.organizations.create(makeOrganization());
        const child = await services.organizations.create(makeOrganization({ parentId: parent.id }));

        await expectRefused(() => services.organizations.update(child.id, { parentId: null }), 'VALIDATION_FAILED', ['parentId']);
      });

      it('accepts an update that repeats the same parentId', async () => {
        const parent = await services.organizations.create(makeOrganization());
        const child = await services.organizations.create(makeOrganization({ parentId: parent.id }));

        const updated = await services.organizations.update(child.id, { parentId: parent.id, name: 'Renamed' });

        expect(updated).toMatchObject({ parentId: parent.id, name: 'Renamed' });
        expect(await store.organizations.get(child.id)).toMatchObject({ parentId: parent.id, name: 'Renamed' });
      });

      it('accepts parentId null on a root organization', async () => {
        const root = await services.organizations.create(makeOrganization());

        await services.organizations.update(root.id, { parentId: null, name: 'Renamed' });

        expect(await store.organizations.get(root.id)).toMatchObject({ parentId: null, name: 'Renamed' });
      });

      it('refuses creating an organization whose parent does not exist', async () => {
        await expectRefused(() => services.organizations.create(makeOrganization({ parentId: 'no-such-org' })), 'VALIDATION_FAILED', [
          'parentId',
        ]);
      });
    });

    describe("rule 3: a sub-organization offers only its parent's products", () => {
      it('refuses creating a sub-organization with a product its parent lacks', async () => {
        const [shared, other] = await twoProducts();
        const parent = await services.organizations.create(makeOrganization({ productIds: [shared.id] }));

        await expectRefused(
          () => services.organizations.create(makeOrganization({ parentId: parent.id, productIds: [shared.id, other.id] })),
          'VALIDATION_FAILED',
          ['productIds.1'],
        );
      });

      it('refuses adding a product its parent lacks to a sub-organization', async () => {
        const [shared, other] = await twoProducts();
        const parent = await services.organizations.create(makeOrganization({ productIds: [shared.id] }));
        const child = await services.organizations.create(makeOrganization({ parentId: parent.id, productIds: [shared.id] }));

        await expectRefused(() => services.organizations.update(child.id, { productIds: [shared.id, other.id] }), 'VALIDATION_FAILED', [
          'productIds.1',
        ]);
      });

      it("creates a sub-organization with a subset of its parent's products", async () => {
        const [first, second] = await twoProducts();
        const parent = await services.organizations.create(makeOrganization({ productIds: [first.id, second.id] }));

        const child = await services.organizations.create(makeOrganization({ parentId: parent.id, productIds: [second.id] }));

        expect((await store.organizations.get(child.id))?.productIds).toEqual([second.id]);
      });

      it('refuses removing a product from a parent while a sub-organization offers it', async () => {
        const [kept, offered] = await twoProducts();
        const parent = await services.organizations.create(makeOrganization({ productIds: [kept.id, offered.id] }));
        await services.organizations.create(makeOrganization({ parentId: parent.id, productIds: [offered.id] }));

        await expectRefused(() => services.organizations.update(parent.id, { productIds: [kept.id] }), 'REFERENCED');
      });

      it('refuses removing a product from an organization while a subscription of one of its clients holds it', async () => {
        const [kept, held] = await twoProducts();
        const organization = await services.organizations.create(makeOrganization({ productIds: [kept.id, held.id] }));
        const client = await services.clients.create(makeClient({ organizationId: organization.id }));
        await services.subscriptions.create(makeSubscription(client.id, [held.id]));

        await expectRefused(() => services.organizations.update(organization.id, { productIds: [kept.id] }), 'REFERENCED');
      });

      it('removes a product that no sub-organization offers and no subscription holds', async () => {
        const [kept, unused] = await twoProducts();
        const parent = await services.organizations.create(makeOrganization({ productIds: [kept.id, unused.id] }));
        await services.organizations.create(makeOrganization({ parentId: parent.id, productIds: [kept.id] }));
        const client = await services.clients.create(makeClient({ organizationId: parent.id }));
        await services.subscriptions.create(makeSubscription(client.id, [kept.id]));

        await services.organizations.update(parent.id, { productIds: [kept.id] });

        expect((await store.organizations.get(parent.id))?.productIds).toEqual([kept.id]);
      });
    });

    describe("rule 4: a client in an organization subscribes only to its organization's products", () => {
      it('refuses creating a subscription to a product the organization does not offer', async () => {
        const [offered, other] = await twoProducts();
        const organization = await services.organizations.create(makeOrganization({ productIds: [offered.id] }));
        const client = await services.clients.create(makeClient({ organizationId: organization.id }));

        await expectRefused(() => services.subscriptions.create(makeSubscription(client.id, [offered.id, other.id])), 'VALIDATION_FAILED', [
          'products.1.productId',
        ]);
      });

      it('refuses adding a product the organization does not offer to a subscription', async () => {
        const [offered, other] = await twoProducts();
        const organization = await services.organizations.create(makeOrganization({ productIds: [offered.id] }));
        const client = await services.clients.create(makeClient({ organizationId: organization.id }));
        const subscription = await services.subscriptions.create(makeSubscription(client.id, [offered.id]));

        await expectRefused(
          () => services.subscriptions.update(subscription.id, { products: [{ productId: offered.id }, { productId: other.id }] }),
          'VALIDATION_FAILED',
          ['products.1.productId'],
        );
      });

      it('refuses moving a client to an organization that lacks a product its subscriptions hold', async () => {
        const [common, special] = await twoProducts();
        const from = await services.organizations.create(makeOrganization({ productIds: [common.id, special.id] }));
        const to = await services.organizations.create(makeOrganization({ productIds: [common.id] }));
        const client = await services.clients.create(makeClient({ organizationId: from.id }));
        await services.subscriptions.create(makeSubscription(client.id, [common.id, special.id]));

        await expectRefused(() => services.clients.update(client.id, { organizationId: to.id }), 'CONFLICT', ['organizationId']);
      });

      it('refuses moving a client without organization into one that lacks a product it subscribes to', async () => {
        const [common, special] = await twoProducts();
        const organization = await services.organizations.create(makeOrganization({ productIds: [common.id] }));
        const client = await services.clients.create(makeClient());
        await services.subscriptions.create(makeSubscription(client.id, [special.id]));

        await expectRefused(() => services.clients.update(client.id, { organizationId: organization.id }), 'CONFLICT', ['organizationId']);
      });

      it('moves a client to an organization that offers every product it subscribes to', async () => {
        const [common, special] = await twoProducts();
        const from = await services.organizations.create(makeOrganization({ productIds: [common.id, special.id] }));
        const to = await services.organizations.create(makeOrganization({ productIds: [special.id, common.id] }));
        const client = await services.clients.create(makeClient({ organizationId: from.id }));
        await services.subscriptions.create(makeSubscription(client.id, [common.id, special.id]));

        await services.clients.update(client.id, { organizationId: to.id });

        expect((await store.clients.get(client.id))?.organizationId).toBe(to.id);
      });

      it('lets a client without organization subscribe to any product', async () => {
        const [first, second] = await twoProducts();
        await services.organizations.create(makeOrganization({ productIds: [first.id] }));
        const client = await services.clients.create(makeClient());

        const subscription = await services.subscriptions.create(makeSubscription(client.id, [first.id, second.id]));

        expect((await store.subscriptions.get(subscription.id))?.products.map((entry) => entry.productId)).toEqual([first.id, second.id]);
      });
    });

    describe('rule 5: only active projects join a product', () => {
      const inactive: ProjectStatus[] = ['deprecated', 'retired'];

      for (const status of inactive) {
        it(`refuses creating a product with a ${status} project`, async () => {
          const active = await services.projects.create(makeProject());
          const project = await services.projects.create(makeProject({ status }));

          await expectRefused(() => services.products.create(makeProduct({ projectIds: [active.id, project.id] })), 'VALIDATION_FAILED', [
            'projectIds.1',
          ]);
        });

        it(`refuses adding a ${status} project to a product`, async () => {
          const active = await services.projects.create(makeProject());
          const project = await services.projects.create(makeProject({ status }));
          const product = await services.products.create(makeProduct({ projectIds: [active.id] }));

          await expectRefused(() => services.products.update(product.id, { projectIds: [active.id, project.id] }), 'VALIDATION_FAILED', [
            'projectIds.1',
          ]);
        });
      }

      it('keeps a project that became deprecated after it was added while other fields change', async () => {
        const project = await services.projects.create(makeProject());
        const product = await services.products.create(makeProduct({ projectIds: [project.id] }));
        await services.projects.update(project.id, { status: 'deprecated' });

        await services.products.update(product.id, { name: 'Renamed', projectIds: [project.id] });
        await services.products.update(product.id, { description: 'Still here' });

        expect(await store.products.get(product.id)).toMatchObject({
          name: 'Renamed',
          description: 'Still here',
          projectIds: [project.id],
        });
      });
    });

    describe('rule 6: deployment and project lifecycle', () => {
      it('refuses deploying a retired project', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const project = await services.projects.create(makeProject({ status: 'retired' }));

        await expectRefused(() => services.projects.deploy(project.id, group.id), 'CONFLICT');
      });

      it('refuses retiring a deployed project', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const project = await services.projects.create(makeProject());
        await services.projects.deploy(project.id, group.id);

        await expectRefused(() => services.projects.update(project.id, { status: 'retired' }), 'CONFLICT', ['status']);
      });

      it('retires a project once it is undeployed', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const project = await services.projects.create(makeProject());
        await services.projects.deploy(project.id, group.id);
        await services.projects.undeploy(project.id, group.id);

        await services.projects.update(project.id, { status: 'retired' });

        expect((await store.projects.get(project.id))?.status).toBe('retired');
      });

      it('returns created: false and the existing deployment when deploying twice', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const project = await services.projects.create(makeProject());

        const first = await services.projects.deploy(project.id, group.id);
        const second = await services.projects.deploy(project.id, group.id);

        expect(first.created).toBe(true);
        expect(second).toEqual({ created: false, deployment: first.deployment });
        expect(await store.projects.listDeployments(project.id)).toEqual([first.deployment]);
      });
    });

    describe('rule 7: context paths are unique within a server group', () => {
      it('refuses deploying a second project with the same context path to one group', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const first = await services.projects.create(makeProject({ contextPath: '/shared' }));
        const second = await services.projects.create(makeProject({ contextPath: '/shared' }));
        await services.projects.deploy(first.id, group.id);

        await expectRefused(() => services.projects.deploy(second.id, group.id), 'CONFLICT', ['contextPath']);
      });

      it('deploys two projects with the same context path to different groups', async () => {
        const [one, two] = [await services.serverGroups.create(makeServerGroup()), await services.serverGroups.create(makeServerGroup())];
        const first = await services.projects.create(makeProject({ contextPath: '/shared' }));
        const second = await services.projects.create(makeProject({ contextPath: '/shared' }));

        await services.projects.deploy(first.id, one.id);
        const { created } = await services.projects.deploy(second.id, two.id);

        expect(created).toBe(true);
        expect((await store.projects.findDeploymentByContextPath(two.id, '/shared'))?.projectId).toBe(second.id);
      });

      it("refuses changing a deployed project's context path to one used in its group", async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const taken = await services.projects.create(makeProject({ contextPath: '/taken' }));
        const project = await services.projects.create(makeProject({ contextPath: '/mine' }));
        await services.projects.deploy(taken.id, group.id);
        await services.projects.deploy(project.id, group.id);

        await expectRefused(() => services.projects.update(project.id, { contextPath: '/taken' }), 'CONFLICT', ['contextPath']);
        expect((await store.projects.get(project.id))?.contextPath).toBe('/mine');
        expect((await store.projects.listDeployments(project.id)).map((d) => d.contextPath)).toEqual(['/mine']);
      });

      it('moves the deployments with the project when its new context path is free', async () => {
        const [one, two] = [await services.serverGroups.create(makeServerGroup()), await services.serverGroups.create(makeServerGroup())];
        const elsewhere = await services.projects.create(makeProject({ contextPath: '/elsewhere' }));
        const project = await services.projects.create(makeProject({ contextPath: '/mine' }));
        await services.projects.deploy(elsewhere.id, two.id);
        await services.projects.deploy(project.id, one.id);

        await services.projects.update(project.id, { contextPath: '/elsewhere' });

        expect((await store.projects.get(project.id))?.contextPath).toBe('/elsewhere');
        expect(await store.projects.listDeployments(project.id)).toEqual([
          { projectId: project.id, serverGroupId: one.id, contextPath: '/elsewhere', deployedAt: NOW },
        ]);
      });
    });

    describe('rule 8: referenced entities cannot be deleted', () => {
      it('refuses deleting a server group a product is offered in', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        await services.products.create(makeProduct({ serverGroupIds: [group.id] }));

        await expectRefused(() => services.serverGroups.delete(group.id), 'REFERENCED');
      });

      it('refuses deleting a server group a project is deployed to', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const project = await services.projects.create(makeProject());
        await services.projects.deploy(project.id, group.id);

        await expectRefused(() => services.serverGroups.delete(group.id), 'REFERENCED');
      });

      it('refuses deleting a deployed project', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const project = await services.projects.create(makeProject());
        await services.projects.deploy(project.id, group.id);

        await expectRefused(() => services.projects.delete(project.id), 'REFERENCED');
      });

      it('refuses deleting a project that is in a product', async () => {
        const project = await services.projects.create(makeProject());
        await services.products.create(makeProduct({ projectIds: [project.id] }));

        await expectRefused(() => services.projects.delete(project.id), 'REFERENCED');
      });

      it('refuses deleting a product a subscription holds', async () => {
        const product = await oneProduct();
        const client = await services.clients.create(makeClient());
        await services.subscriptions.create(makeSubscription(client.id, [product.id]));

        await expectRefused(() => services.products.delete(product.id), 'REFERENCED');
      });

      it('refuses deleting a product an organization offers', async () => {
        const product = await oneProduct();
        await services.organizations.create(makeOrganization({ productIds: [product.id] }));

        await expectRefused(() => services.products.delete(product.id), 'REFERENCED');
      });

      it('refuses deleting an organization that has sub-organizations', async () => {
        const parent = await services.organizations.create(makeOrganization());
        await services.organizations.create(makeOrganization({ parentId: parent.id }));

        await expectRefused(() => services.organizations.delete(parent.id), 'REFERENCED');
      });

      it('refuses deleting an organization that has clients', async () => {
        const organization = await services.organizations.create(makeOrganization());
        await services.clients.create(makeClient({ organizationId: organization.id }));

        await expectRefused(() => services.organizations.delete(organization.id), 'REFERENCED');
      });

      it('refuses deleting a client that has subscriptions', async () => {
        const product = await oneProduct();
        const client = await services.clients.create(makeClient());
        await services.subscriptions.create(makeSubscription(client.id, [product.id]));

        await expectRefused(() => services.clients.delete(client.id), 'REFERENCED');
      });

      it('deletes a server group nothing refers to', async () => {
        const group = await services.serverGroups.create(makeServerGroup());

        await services.serverGroups.delete(group.id);

        expect(await store.serverGroups.get(group.id)).toBeUndefined();
      });

      it('deletes a project that is neither deployed nor in a product', async () => {
        const project = await services.projects.create(makeProject());

        await services.projects.delete(project.id);

        expect(await store.projects.get(project.id)).toBeUndefined();
      });

      it('deletes a product no subscription holds and no organization offers, with its project and group links', async () => {
        const group = await services.serverGroups.create(makeServerGroup());
        const project = await services.projects.create(makeProject());
        const product = await services.products.create(makeProduct({ serverGroupIds: [group.id], projectIds: [project.id] }));

        await services.products.delete(product.id);

        expect(await store.products.get(product.id)).toBeUndefined();
        await services.projects.delete(project.id);
        await services.serverGroups.delete(group.id);
      });

      it('deletes an organization without sub-organizations or clients', async () => {
        const product = await oneProduct();
        const parent = await services.organizations.create(makeOrganization({ productIds: [product.id] }));
        const child = await services.organizations.create(makeOrganization({ parentId: parent.id }));

        await services.organizations.delete(child.id);
        await services.organizations.delete(parent.id);

        expect(await store.organizations.get(parent.id)).toBeUndefined();
        expect(await store.organizations.get(child.id)).toBeUndefined();
      });

      it('deletes a client once its subscriptions are deleted', async () => {
        const product = await oneProduct();
        const client = await services.clients.create(makeClient());
        const subscription = await services.subscriptions.create(makeSubscription(client.id, [product.id]));

        await services.subscriptions.delete(subscription.id);
        await services.clients.delete(client.id);

        expect(await store.subscriptions.get(subscription.id)).toBeUndefined();
        expect(await store.clients.get(client.id)).toBeUndefined();
      });

      const kinds = ['serverGroups', 'projects', 'products', 'organizations', 'clients', 'subscriptions'] as const;
      for (const kind of kinds) {
        it(`answers NOT_FOUND when deleting a missing id (${kind})`, async () => {
          await expectRefused(() => services[kind].delete('no-such-id'), 'NOT_FOUND');
        });
      }
    });

    describe('rule 9: key approval', () => {
      it('puts a new key of a product with manual approval in pending', async () => {
        const product = await services.products.create(makeProduct({ keyApproval: 'manual' }));
        const client = await services.clients.create(makeClient());

        const subscription = await services.subscriptions.create(makeSubscription(client.id, [product.id]));

        expect(subscription.products[0]?.status).toBe('pending');
        expect((await store.subscriptions.get(subscription.id))?.products[0]?.status).toBe('pending');
      });

      it('approves a new key of a product with automatic approval at once', async () => {
        const product = await services.products.create(makeProduct({ keyApproval: 'automatic' }));
        const client = await services.clients.create(makeClient());

        const subscription = await services.subscriptions.create(makeSubscription(client.id, [product.id]));

        expect(subscription.products[0]?.status).toBe('approved');
        expect((await store.subscriptions.get(subscription.id))?.products[0]?.status).toBe('approved');
      });

      it('approves a pending key and revokes it', async () => {
        const product = await services.products.create(makeProduct({ keyApproval: 'manual' }));
        const client = await services.clients.create(makeClient());
        const subscription = await services.subscriptions.create(makeSubscription(client.id, [product.id]));

        const approved = await services.subscriptions.approve(subscription.id, product.id);
        expect(approved.status).toBe('approved');
        expect((await store.subscriptions.get(subscription.id))?.products[0]?.status).toBe('approved');

        const revoked = await services.subscriptions.revoke(subscription.id, product.id);
        expect(revoked.status).toBe('revoked');
        expect((await store.subscriptions.get(subscription.id))?.products[0]?.status).toBe('revoked');
      });

      it('refuses approving a product the subscription does not hold', async () => {
        const [held, other] = await twoProducts();
        const client = await services.clients.create(makeClient());
        const subscription = await services.subscriptions.create(makeSubscription(client.id, [held.id]));

        await expectRefused(() => services.subscriptions.approve(subscription.id, other.id), 'NOT_FOUND');
      });
    });

    describe('rule 10: consumer keys', () => {
      /** A subscription of a new client without organization to these products. */
      async function subscriptionTo(...subscribed: Product[]) {
        const client = await services.clients.create(makeClient());
        return services.subscriptions.create(
          makeSubscription(
            client.id,
            subscribed.map((product) => product.id),
          ),
        );
      }

      /** The stored entry of one product of a subscription, digests included. */
      async function storedEntry(subscriptionId: string, productId: string) {
        return (await store.subscriptions.get(subscriptionId))?.products.find((entry) => entry.productId === productId);
      }

      it('issues a consumer key and secret per product, each distinct', async () => {
        const subscription = await subscriptionTo(...(await twoProducts()));
        const [first, second] = subscription.products;

        for (const entry of [first, second]) {
          expect(entry?.consumerKey).toMatch(CONSUMER_KEY);
          expect(entry?.consumerSecret).toMatch(CONSUMER_SECRET);
        }
        const values = [first?.consumerKey, first?.consumerSecret, second?.consumerKey, second?.consumerSecret];
        expect(new Set(values).size).toBe(4);
      });

      it('stores sha256 digests and the key prefix, never the raw key or secret', async () => {
        const subscription = await subscriptionTo(...(await twoProducts()));

        const record = await store.subscriptions.get(subscription.id);
        expect(record?.products).toHaveLength(2);
        for (const issued of subscription.products) {
          const key = issued.consumerKey ?? 'missing key';
          const secret = issued.consumerSecret ?? 'missing secret';
          const stored = record?.products.find((entry) => entry.productId === issued.productId);
          expect(stored?.keyDigest).toBe(nodeCredentialIssuer.digest(key));
          expect(stored?.secretDigest).toBe(nodeCredentialIssuer.digest(secret));
          expect(stored?.keyPrefix).toMatch(/^tg_k_/);
          expect(key.startsWith(stored?.keyPrefix ?? 'missing prefix')).toBe(true);
          expect(stored?.keyPrefix.length).toBeLessThan(key.length);
          expect(JSON.stringify(record)).not.toContain(key);
          expect(JSON.stringify(record)).not.toContain(secret);
        }
      });

      it('shows neither keys nor digests when a subscription is read again', async () => {
        const subscription = await subscriptionTo(await oneProduct());

        const read = await services.subscriptions.get(subscription.id);

        expect(Object.keys(read.products[0] ?? {}).sort()).toEqual(
          ['createdAt', 'keyIssuedAt', 'keyPrefix', 'previousKeyExpiresAt', 'productId', 'ratePlanId', 'status'].sort(),
        );
      });

      it('keeps the previous key digest until clock + grace when regenerating with graceSeconds', async () => {
        const product = await oneProduct();
        const subscription = await subscriptionTo(product);
        const oldDigest = (await storedEntry(subscription.id, product.id))?.keyDigest;

        const issued = await services.subscriptions.regenerate(subscription.id, product.id, 3600);

        expect(issued.consumerKey).toMatch(CONSUMER_KEY);
        expect(issued.consumerKey).not.toBe(subscription.products[0]?.consumerKey);
        expect(issued.previousKeyExpiresAt).toBe('2030-01-02T04:04:05.000Z');
        expect(oldDigest).toMatch(/^[0-9a-f]{64}$/);
        expect(await storedEntry(subscription.id, product.id)).toMatchObject({
          keyDigest: nodeCredentialIssuer.digest(issued.consumerKey ?? 'missing key'),
          secretDigest: nodeCredentialIssuer.digest(issued.consumerSecret ?? 'missing secret'),
          previousKeyDigest: oldDigest,
          previousKeyExpiresAt: '2030-01-02T04:04:05.000Z',
          keyIssuedAt: NOW,
        });
      });

      it('drops the previous key at once when regenerating with grace 0', async () => {
        const product = await oneProduct();
        const subscription = await subscriptionTo(product);

        const issued = await services.subscriptions.regenerate(subscription.id, product.id, 0);

        expect(issued.previousKeyExpiresAt).toBeNull();
        expect(await storedEntry(subscription.id, product.id)).toMatchObject({
          keyDigest: nodeCredentialIssuer.digest(issued.consumerKey ?? 'missing key'),
          previousKeyDigest: null,
          previousKeyExpiresAt: null,
        });
      });

      it('keeps existing keys and issues new ones only for added products when products change', async () => {
        const [kept, dropped] = await twoProducts();
        const added = await oneProduct();
        const subscription = await subscriptionTo(kept, dropped);
        const keptBefore = await storedEntry(subscription.id, kept.id);

        const updated = await services.subscriptions.update(subscription.id, {
          products: [{ productId: kept.id }, { productId: added.id }],
        });

        expect(updated.products.map((entry) => entry.productId)).toEqual([kept.id, added.id]);
        expect(updated.products[0]?.consumerKey).toBeUndefined();
        expect(updated.products[1]?.consumerKey).toMatch(CONSUMER_KEY);
        expect(await storedEntry(subscription.id, kept.id)).toEqual(keptBefore);
        expect((await storedEntry(subscription.id, added.id))?.keyDigest).toBe(
          nodeCredentialIssuer.digest(updated.products[1]?.consumerKey ?? 'missing key'),
        );
        expect(await storedEntry(subscription.id, dropped.id)).toBeUndefined();
      });

      it('keeps the keys when fields other than products change', async () => {
        const subscription = await subscriptionTo(await oneProduct());
        const before = await store.subscriptions.get(subscription.id);

        await services.subscriptions.update(subscription.id, { name: 'Renamed' });

        const after = await store.subscriptions.get(subscription.id);
        expect(after?.name).toBe('Renamed');
        expect(after?.products).toEqual(before?.products);
      });

      it('refuses a ratePlanId the product does not have, on create', async () => {
        const [free, planned] = await twoProducts();
        const client = await services.clients.create(makeClient());

        await expectRefused(
          () =>
            services.subscriptions.create(
              makeSubscription(client.id, [], {
                products: [
                  { productId: free.id, ratePlanId: null },
                  { productId: planned.id, ratePlanId: 'gold-plan' },
                ],
              }),
            ),
          'VALIDATION_FAILED',
          ['products.1.ratePlanId'],
        );
      });

      it('refuses a ratePlanId the product does not have, on update, also for a product already subscribed', async () => {
        const product = await oneProduct();
        const subscription = await subscriptionTo(product);

        await expectRefused(
          () => services.subscriptions.update(subscription.id, { products: [{ productId: product.id, ratePlanId: 'gold-plan' }] }),
          'VALIDATION_FAILED',
          ['products.0.ratePlanId'],
        );
      });

      it('refuses listing a product twice on create', async () => {
        const product = await oneProduct();
        const client = await services.clients.create(makeClient());

        await expectRefused(
          () => services.subscriptions.create(makeSubscription(client.id, [product.id, product.id])),
          'VALIDATION_FAILED',
          ['products.1.productId'],
        );
      });

      it('refuses listing a product twice on update', async () => {
        const product = await oneProduct();
        const subscription = await subscriptionTo(product);

        await expectRefused(
          () => services.subscriptions.update(subscription.id, { products: [{ productId: product.id }, { productId: product.id }] }),
          'VALIDATION_FAILED',
          ['products.1.productId'],
        );
      });
    });

    describe('rule 11: project defaults and checks', () => {
      it('gives a project created without policies exactly one verify-api-key policy in proxy-request', async () => {
        const project = await services.projects.create(makeProject());

        const stored = await store.projects.get(project.id);
        expect(stored?.policies).toHaveLength(1);
        expect(stored?.policies[0]).toMatchObject({ type: 'verify-api-key', flow: 'proxy-request', enabled: true });
        expect(project.policies).toEqual(stored?.policies);
      });

      it('gives a project created with an empty policy list no policy', async () => {
        const project = await services.projects.create(makeProject({ policies: [] }));

        expect(project.policies).toEqual([]);
        expect((await store.projects.get(project.id))?.policies).toEqual([]);
      });

      it('defaults resources to acceptChildPaths false and forwardBasePath true', async () => {
        const project = await services.projects.create(makeProject({ resources: [{ id: 'pets', path: '/pets', methods: ['GET'] }] }));

        expect((await store.projects.get(project.id))?.resources).toEqual([
          { id: 'pets', path: '/pets', methods: ['GET'], acceptChildPaths: false, forwardBasePath: true },
        ]);
      });

      it('refuses a policy whose resourceId names no resource of the project on create', async () => {
        await expectRefused(
          () =>
            services.projects.create(
              makeProject({
                resources: [{ id: 'pets', path: '/pets', methods: ['GET'] }],
                policies: [
                  { type: 'verify-api-key', flow: 'proxy-request', resourceId: 'pets' },
                  { type: 'verify-api-key', flow: 'proxy-request', resourceId: 'owners' },
                ],
              }),
            ),
          'VALIDATION_FAILED',
          ['policies.1.resourceId'],
        );
      });

      it('refuses a policy whose resourceId names no resource of the project on update', async () => {
        const project = await services.projects.create(makeProject({ resources: [{ id: 'pets', path: '/pets', methods: ['GET'] }] }));

        await expectRefused(
          () =>
            services.projects.update(project.id, {
              policies: [
                { type: 'verify-api-key', flow: 'proxy-request' },
                { type: 'verify-api-key', flow: 'proxy-request', resourceId: 'owners' },
              ],
            }),
          'VALIDATION_FAILED',
          ['policies.1.resourceId'],
        );
      });

      it('refuses duplicate resource ids', async () => {
        await expectRefused(
          () =>
            services.projects.create(
              makeProject({
                resources: [
                  { id: 'pets', path: '/pets', methods: ['GET'] },
                  { id: 'pets', path: '/owners', methods: ['GET'] },
                ],
              }),
            ),
          'VALIDATION_FAILED',
          ['resources.1.id'],
        );
      });

      it('refuses a second project with the same name and version', async () => {
        await services.projects.create(makeProject({ name: 'Petstore', version: '2' }));

        await expectRefused(() => services.projects.create(makeProject({ name: 'Petstore', version: '2' })), 'CONFLICT', ['version']);
      });

      it('refuses renaming a project to the name and version of another', async () => {
        await services.projects.create(makeProject({ name: 'Petstore' }));
        const other = await services.projects.create(makeProject({ name: 'Zoo' }));

        await expectRefused(() => services.projects.update(other.id, { name: 'Petstore' }), 'CONFLICT', ['version']);
      });

      it('accepts the same name with another version', async () => {
        await services.projects.create(makeProject({ name: 'Petstore', version: '1' }));

        const second = await services.projects.create(makeProject({ name: 'Petstore', version: '2' }));

        expect(await store.projects.get(second.id)).toMatchObject({ name: 'Petstore', version: '2' });
      });
    });
  });
}
