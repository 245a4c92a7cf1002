import type { Page, PageRequest } from '../entities/common.js';
import {
  type GatewayNode,
  NODE_OFFLINE_AFTER_MS,
  type ServerGroup,
  type ServerGroupCreate,
  type ServerGroupUpdate,
} from '../entities/server-group.js';
import { notFound } from '../errors/catalogue.js';
import type { ServerGroupFilter } from '../ports/index.js';
import { applyPatch, require, type ServiceContext, timestamp } from './context.js';

const KIND = 'server group';

/** Server groups: named clusters of gateway nodes. */
export class ServerGroupService {
  constructor(private readonly context: ServiceContext) {}

  async create(input: ServerGroupCreate): Promise<ServerGroup> {
    const now = timestamp(this.context);
    const group: ServerGroup = {
      id: input.id ?? this.context.ids.next(),
      name: input.name,
      description: input.description ?? '',
      createdAt: now,
      updatedAt: now,
    };
    await this.context.store.serverGroups.insert(group);
    return group;
  }

  get(id: string): Promise<ServerGroup> {
    return require(this.context.store.serverGroups.get(id), KIND, id);
  }

  list(filter: ServerGroupFilter, page: PageRequest): Promise<Page<ServerGroup>> {
    return this.context.store.serverGroups.list(filter, page);
  }

  update(id: string, patch: ServerGroupUpdate): Promise<ServerGroup> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.serverGroups.get(id), KIND, id);
      const next = { ...applyPatch(current, patch), updatedAt: timestamp(this.context) };
      await repos.serverGroups.update(next);
      return next;
    });
  }

  async delete(id: string): Promise<void> {
    if (!(await this.context.store.serverGroups.delete(id))) throw notFound(KIND, id);
  }

  /** The group's gateway nodes with their configuration version and whether they still report. */
  async listNodes(id: string): Promise<GatewayNode[]> {
    await this.get(id);
    const now = this.context.clock.now().getTime();
    const nodes = await this.context.store.nodes.list(id);
    return nodes.map((node) => ({ ...node, status: now - Date.parse(node.lastSeenAt) <= NODE_OFFLINE_AFTER_MS ? 'online' : 'offline' }));
  }
}
