import {
  ClientCreateSchema,
  ClientSchema,
  ClientUpdateSchema,
  IdSchema,
  IssuedSubscriptionSchema,
  OrganizationCreateSchema,
  OrganizationSchema,
  OrganizationUpdateSchema,
  ProductCreateSchema,
  ProductSchema,
  ProductUpdateSchema,
  ProjectCreateSchema,
  ProjectSchema,
  ProjectStatusSchema,
  ProjectUpdateSchema,
  ServerGroupCreateSchema,
  ServerGroupSchema,
  ServerGroupUpdateSchema,
  type Services,
  SubscriptionCreateSchema,
  SubscriptionSchema,
  SubscriptionStatusSchema,
  SubscriptionUpdateSchema,
} from '@tollgate/domain';
import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import { registerCrudRoutes } from './crud.js';

const filter = (schema: Parameters<typeof Type.Optional>[0], description: string) => Type.Optional({ ...schema, description });

/**
 * The `q` filter of a searchable list, for the dashboard's search boxes. Taken as given (not
 * trimmed: a leading space may be what is looked for); 100 characters is plenty for a search box
 * and bounds what each scanned row is compared with.
 */
const search = (fields: string) =>
  Type.Optional(
    Type.String({
      minLength: 1,
      maxLength: 100,
      description: `Case-insensitive text in the ${fields} (% and _ are not wildcards).`,
    }),
  );

/** The six configuration collections, each with create, list, read, update and delete. */
export function registerCollections(app: FastifyInstance, services: Services): void {
  const scope = services.objectPermissions.viewScope.bind(services.objectPermissions);
  registerCrudRoutes(app, {
    path: '/server-groups',
    permissions: { view: 'VIEW_SERVER_GROUPS', modify: 'MODIFY_SERVER_GROUPS' },
    tag: 'Server Groups',
    noun: 'server group',
    entity: ServerGroupSchema,
    create: ServerGroupCreateSchema,
    update: ServerGroupUpdateSchema,
    filters: {},
    service: services.serverGroups,
  });
  registerCrudRoutes(app, {
    path: '/projects',
    perObject: { type: 'project', scope },
    permissions: { view: 'VIEW_PROJECTS', modify: 'MODIFY_PROJECTS' },
    tag: 'Projects',
    noun: 'project',
    entity: ProjectSchema,
    create: ProjectCreateSchema,
    update: ProjectUpdateSchema,
    filters: {
      q: search('id, name or context path'),
      serverGroupId: filter(IdSchema, 'Only projects deployed to this server group.'),
      status: filter(ProjectStatusSchema, 'Only projects in this status.'),
    },
    service: services.projects,
  });
  registerCrudRoutes(app, {
    path: '/products',
    perObject: { type: 'product', scope },
    permissions: { view: 'VIEW_PRODUCTS', modify: 'MODIFY_PRODUCTS' },
    tag: 'Products',
    noun: 'product',
    entity: ProductSchema,
    create: ProductCreateSchema,
    update: ProductUpdateSchema,
    filters: {
      q: search('id or name'),
      serverGroupId: filter(IdSchema, 'Only products offered in this server group.'),
      organizationId: filter(IdSchema, 'Only products this organization offers.'),
      access: filter(ProductSchema.properties.access, 'Only public or only private products.'),
    },
    service: services.products,
  });
  registerCrudRoutes(app, {
    path: '/organizations',
    perObject: { type: 'organization', scope },
    permissions: { view: 'VIEW_ORGANIZATIONS', modify: 'MODIFY_ORGANIZATIONS' },
    tag: 'Organizations',
    noun: 'organization',
    entity: OrganizationSchema,
    create: OrganizationCreateSchema,
    update: OrganizationUpdateSchema,
    filters: {
      q: search('id or name'),
      parentId: filter(IdSchema, 'Only sub-organizations of this organization.'),
      productId: filter(IdSchema, 'Only organizations offering this product.'),
    },
    service: services.organizations,
  });
  registerCrudRoutes(app, {
    path: '/clients',
    perObject: { type: 'client', scope },
    permissions: { view: 'VIEW_CLIENTS', modify: 'MODIFY_CLIENTS' },
    tag: 'Clients',
    noun: 'client',
    entity: ClientSchema,
    create: ClientCreateSchema,
    update: ClientUpdateSchema,
    filters: {
      q: search('id, name or e-mail'),
      organizationId: filter(IdSchema, 'Only clients of this organization.'),
      status: filter(ClientSchema.properties.status, 'Only active or only inactive clients.'),
    },
    service: services.clients,
  });
  registerCrudRoutes(app, {
    path: '/subscriptions',
    perObject: { type: 'subscription', scope },
    permissions: { view: 'VIEW_SUBSCRIPTIONS', modify: 'MODIFY_SUBSCRIPTIONS' },
    tag: 'Subscriptions',
    noun: 'subscription',
    entity: SubscriptionSchema,
    written: IssuedSubscriptionSchema,
    create: SubscriptionCreateSchema,
    update: SubscriptionUpdateSchema,
    filters: {
      q: search('id or name'),
      clientId: filter(IdSchema, 'Only subscriptions of this client.'),
      organizationId: filter(IdSchema, "Only subscriptions of this organization's clients."),
      productId: filter(IdSchema, 'Only subscriptions holding a key for this product.'),
      status: filter(SubscriptionStatusSchema, 'Only subscriptions in this status.'),
    },
    service: services.subscriptions,
  });
}
