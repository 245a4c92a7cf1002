import type {
  ClientCreate,
  GroupCreate,
  OrganizationCreate,
  ProductCreate,
  ProjectCreate,
  ServerGroupCreate,
  SubscriptionCreate,
  UserCreate,
} from '@tollgate/domain';

/**
 * A valid server group, `staging`, with a description; `over` replaces any field.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeServerGroupInput = (over: Partial<ServerGroupCreate> = {}): ServerGroupCreate => ({
  id: 'staging',
  name: 'Staging',
  description: 'Gateway nodes for staging.',
  ...over,
});

/**
 * A valid project, `petstore`, proxying to `http://127.0.0.1:9999`; its name and context path follow
 * its id (`Project <id>`, `/<id>/v1`) so several can coexist.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeProjectInput = (over: Partial<ProjectCreate> = {}): ProjectCreate => ({
  id: 'petstore',
  name: `Project ${over.id ?? 'petstore'}`,
  contextPath: `/${over.id ?? 'petstore'}/v1`,
  target: { url: 'http://127.0.0.1:9999' },
  ...over,
});

/**
 * A valid product, `gold` named `Gold`, with every other field left to its default.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeProductInput = (over: Partial<ProductCreate> = {}): ProductCreate => ({ id: 'gold', name: 'Gold', ...over });

/**
 * A valid root organization, `acme` named `Acme`, offering no product.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeOrganizationInput = (over: Partial<OrganizationCreate> = {}): OrganizationCreate => ({
  id: 'acme',
  name: 'Acme',
  ...over,
});

/**
 * A valid client, `alice` named `Alice`, in no organization; its e-mail follows its id (`<id>@example.com`)
 * so several can coexist.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeClientInput = (over: Partial<ClientCreate> = {}): ClientCreate => ({
  id: 'alice',
  email: `${over.id ?? 'alice'}@example.com`,
  name: 'Alice',
  ...over,
});

/**
 * A valid subscription, `app` of client `alice` to product `gold` only. The client and products must
 * exist before it is created.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeSubscriptionInput = (over: Partial<SubscriptionCreate> = {}): SubscriptionCreate => ({
  id: 'app',
  name: 'App',
  clientId: 'alice',
  products: [{ productId: 'gold' }],
  ...over,
});

/** The password `makeUserInput` gives every user: long enough to pass the 10-character minimum. */
export const TEST_PASSWORD = 'correct horse battery';

/**
 * A valid user, `alice` named `Alice`, in no group but (implicitly) everyone, with `TEST_PASSWORD`;
 * the e-mail follows the username (`<username>@example.com`) so several can coexist.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeUserInput = (over: Partial<UserCreate> = {}): UserCreate => ({
  username: 'alice',
  displayName: 'Alice',
  email: `${over.username ?? 'alice'}@example.com`,
  password: TEST_PASSWORD,
  ...over,
});

/**
 * A valid group, `ops` named `Operations`, without members.
 *
 * @param over - the fields to set instead of the defaults.
 */
export const makeGroupInput = (over: Partial<GroupCreate> = {}): GroupCreate => ({ id: 'ops', name: 'Operations', ...over });
