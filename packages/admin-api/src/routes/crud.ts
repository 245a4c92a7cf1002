import type { IdScope, ObjectType, Page, PageRequest, Permission, Principal } from '@tollgate/domain';
import type { FastifyContextConfig, FastifyInstance } from 'fastify';
import type { TProperties, TSchema } from 'typebox';
import { principalOf } from '../auth.js';
import { BEARER, ERROR_RESPONSES, IdParamsSchema, listQuerySchema, pageSchema, splitListQuery } from './common.js';

/** The use-case service behind a collection. */
export interface CrudService<Entity, Created, Create, Update, Filter> {
  create(input: Create): Promise<Created>;
  get(id: string): Promise<Entity>;
  list(filter: Filter, page: PageRequest): Promise<Page<Entity>>;
  update(id: string, patch: Update): Promise<Created>;
  delete(id: string): Promise<void>;
}

/** How one collection is exposed. */
export interface CrudOptions<Entity, Created, Create, Update, Filter> {
  /** Collection path under /api/v1, plural kebab-case, e.g. `/server-groups`. */
  path: string;
  /** OpenAPI tag and the singular noun used in summaries. */
  tag: string;
  noun: string;
  entity: TSchema;
  /** Response of create and update when it differs from `entity` (subscriptions show new keys there). */
  written?: TSchema;
  create: TSchema;
  update: TSchema;
  filters: TProperties;
  /** What reading (list, read) and writing (create, update, delete) need. */
  permissions: { view: Permission; modify: Permission };
  /**
   * Objects with per-object permissions: reads, updates and deletes are decided on the object,
   * and the list shows what the caller may view (`scope`). Creating needs the global permission.
   */
  perObject?: { type: ObjectType; scope(principal: Principal, type: ObjectType): Promise<IdScope | undefined> };
  service: CrudService<Entity, Created, Create, Update, Filter>;
}

/**
 * Registers create (POST, 201 + Location), list (GET, paginated and filtered), read (GET),
 * update (PATCH, the fields sent) and delete (DELETE, 204) for one collection. Routes stay
 * thin: the schema validates, the service decides.
 */
export function registerCrudRoutes<Entity extends { id: string }, Created extends { id: string }, Create, Update, Filter>(
  app: FastifyInstance,
  options: CrudOptions<Entity, Created, Create, Update, Filter>,
): void {
  const { path, tag, noun, service } = options;
  const perObject = options.perObject;
  const onItem: FastifyContextConfig = perObject === undefined ? {} : { object: 'id' };
  const create: FastifyContextConfig = { permission: options.permissions.modify };
  const list: FastifyContextConfig = { permission: options.permissions.view, ...(perObject && { scoped: true as const }) };
  const view: FastifyContextConfig = { permission: options.permissions.view, ...onItem };
  const modify: FastifyContextConfig = { permission: options.permissions.modify, ...onItem };
  const written = options.written ?? options.entity;
  const item = `${path}/:id`;
  // operationIds: listClients for the collection, getClient for one item.
  const singular = noun.replace(/(^| )(\w)/g, (_, _space: string, letter: string) => letter.toUpperCase());
  const operation = (verb: string) => `${verb}${verb === 'list' ? tag.replaceAll(' ', '') : singular}`;

  app.post(
    path,
    {
      config: create,
      schema: {
        tags: [tag],
        summary: `Create a ${noun}`,
        operationId: operation('create'),
        security: BEARER,
        body: options.create,
        response: { 201: written, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      const created = await service.create(request.body as Create);
      reply.status(201).header('location', `/api/v1${path}/${created.id}`);
      return created;
    },
  );

  app.get(
    path,
    {
      config: list,
      schema: {
        tags: [tag],
        summary: `List ${noun}s`,
        operationId: operation('list'),
        security: BEARER,
        querystring: listQuerySchema(options.filters),
        response: { 200: pageSchema(options.entity), ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { page, filter } = splitListQuery<Filter>(request.query as Record<string, unknown>);
      const scope = perObject && (await perObject.scope(principalOf(request), perObject.type));
      return service.list(scope === undefined ? filter : { ...filter, scope }, page);
    },
  );

  app.get(
    item,
    {
      config: view,
      schema: {
        tags: [tag],
        summary: `Read a ${noun}`,
        operationId: operation('get'),
        security: BEARER,
        params: IdParamsSchema,
        response: { 200: options.entity, ...ERROR_RESPONSES },
      },
    },
    async (request) => service.get((request.params as { id: string }).id),
  );

  app.patch(
    item,
    {
      config: modify,
      schema: {
        tags: [tag],
        summary: `Update a ${noun} (the fields sent)`,
        operationId: operation('update'),
        security: BEARER,
        params: IdParamsSchema,
        body: options.update,
        response: { 200: written, ...ERROR_RESPONSES },
      },
    },
    async (request) => service.update((request.params as { id: string }).id, request.body as Update),
  );

  app.delete(
    item,
    {
      config: modify,
      schema: {
        tags: [tag],
        summary: `Delete a ${noun}`,
        operationId: operation('delete'),
        security: BEARER,
        params: IdParamsSchema,
        response: { 204: { type: 'null', description: 'Deleted.' }, ...ERROR_RESPONSES },
      },
    },
    async (request, reply) => {
      await service.delete((request.params as { id: string }).id);
      reply.status(204);
    },
  );
}
