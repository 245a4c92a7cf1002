import type { Page, PageRequest } from '../entities/common.js';
import {
  DEFAULT_PROJECT_POLICY,
  DEFAULT_TARGET_TIMEOUT_MS,
  type Deployment,
  type Policy,
  type PolicyInput,
  type Project,
  type ProjectCreate,
  type ProjectUpdate,
  type Resource,
  type ResourceInput,
} from '../entities/project.js';
import { invalidField, notFound, TollgateError } from '../errors/catalogue.js';
import type { PolicyType, ProjectFilter, Repositories } from '../ports/index.js';
import { applyPatch, require, requireReferences, type ServiceContext, throwIfInvalid, timestamp } from './context.js';
import { policyFieldErrors } from './policy-config.js';

const KIND = 'project';

/** API projects and their deployments to server groups. */
export class ProjectService {
  private readonly policyTypes: ReadonlyMap<string, PolicyType>;

  constructor(private readonly context: ServiceContext) {
    this.policyTypes = new Map(context.policyTypes.map((type) => [type.name, type]));
  }

  /** A project created without `policies` gets `verify-api-key`: secure by default. */
  create(input: ProjectCreate): Promise<Project> {
    return this.context.store.transaction(async (repos) => {
      const now = timestamp(this.context);
      const resources = this.resourcesFrom(input.resources ?? []);
      const project: Project = {
        id: input.id ?? this.context.ids.next(),
        name: input.name,
        version: input.version ?? '1',
        contextPath: input.contextPath,
        status: input.status ?? 'active',
        description: input.description ?? '',
        tags: input.tags ?? [],
        target: { url: input.target.url, timeoutMs: input.target.timeoutMs ?? DEFAULT_TARGET_TIMEOUT_MS },
        resources,
        policies: this.policiesFrom(input.policies ?? [DEFAULT_PROJECT_POLICY], resources),
        createdAt: now,
        updatedAt: now,
      };
      await this.checkServerGroupOverrides(repos, project.policies);
      await repos.projects.insert(project);
      return project;
    });
  }

  get(id: string): Promise<Project> {
    return require(this.context.store.projects.get(id), KIND, id);
  }

  list(filter: ProjectFilter, page: PageRequest): Promise<Page<Project>> {
    return this.context.store.projects.list(filter, page);
  }

  /**
   * Replaces the fields sent. A deployed project cannot be retired (undeploy it first), and a
   * new context path must be free in every group the project is deployed to.
   */
  update(id: string, patch: ProjectUpdate): Promise<Project> {
    return this.context.store.transaction(async (repos) => {
      const current = await require(repos.projects.get(id), KIND, id);
      const { resources: resourceInputs, policies: policyInputs, target, ...plain } = patch;
      const resources = resourceInputs === undefined ? current.resources : this.resourcesFrom(resourceInputs);
      const policies = this.policiesFrom(policyInputs ?? current.policies, resources);
      const next: Project = {
        ...applyPatch(current, plain),
        target: target === undefined ? current.target : { url: target.url, timeoutMs: target.timeoutMs ?? DEFAULT_TARGET_TIMEOUT_MS },
        resources,
        policies,
        updatedAt: timestamp(this.context),
      };
      await this.checkServerGroupOverrides(repos, policies);
      const deployments = await repos.projects.listDeployments(id);
      if (deployments.length > 0 && next.status === 'retired' && current.status !== 'retired') {
        throw new TollgateError('CONFLICT', `project '${id}' is deployed; undeploy it before retiring it`, {
          status: 'a deployed project cannot be retired',
        });
      }
      if (deployments.length > 0 && next.contextPath !== current.contextPath) {
        for (const deployment of deployments) await this.requireFreeContextPath(repos, deployment.serverGroupId, next);
        await repos.projects.updateDeploymentContextPath(id, next.contextPath);
      }
      await repos.projects.update(next);
      return next;
    });
  }

  /** Deleting a project that is deployed or in a product answers `REFERENCED`. */
  async delete(id: string): Promise<void> {
    if (!(await this.context.store.projects.delete(id))) throw notFound(KIND, id);
  }

  async listDeployments(projectId: string): Promise<Deployment[]> {
    await this.get(projectId);
    return this.context.store.projects.listDeployments(projectId);
  }

  /**
   * Deploys a project to a server group. Deploying again is a no-op that returns the existing
   * deployment (`created: false`). Retired projects cannot be deployed; two projects in one
   * group cannot share a context path.
   */
  deploy(projectId: string, serverGroupId: string): Promise<{ deployment: Deployment; created: boolean }> {
    return this.context.store.transaction(async (repos) => {
      const project = await require(repos.projects.get(projectId), KIND, projectId);
      if ((await repos.serverGroups.get(serverGroupId)) === undefined) {
        throw invalidField('serverGroupId', `names no server group ('${serverGroupId}' does not exist)`);
      }
      const existing = (await repos.projects.listDeployments(projectId)).find((d) => d.serverGroupId === serverGroupId);
      if (existing !== undefined) return { deployment: existing, created: false };
      if (project.status === 'retired') {
        throw new TollgateError('CONFLICT', `project '${projectId}' is retired and cannot be deployed`);
      }
      await this.requireFreeContextPath(repos, serverGroupId, project);
      const deployment: Deployment = {
        projectId,
        serverGroupId,
        contextPath: project.contextPath,
        deployedAt: timestamp(this.context),
      };
      await repos.projects.insertDeployment(deployment);
      return { deployment, created: true };
    });
  }

  async undeploy(projectId: string, serverGroupId: string): Promise<void> {
    await this.get(projectId);
    if (!(await this.context.store.projects.deleteDeployment(projectId, serverGroupId))) {
      throw new TollgateError('NOT_FOUND', `project '${projectId}' is not deployed to server group '${serverGroupId}'`);
    }
  }

  private async requireFreeContextPath(repos: Repositories, serverGroupId: string, project: Project): Promise<void> {
    const holder = await repos.projects.findDeploymentByContextPath(serverGroupId, project.contextPath);
    if (holder !== undefined && holder.projectId !== project.id) {
      throw new TollgateError(
        'CONFLICT',
        `context path '${project.contextPath}' is already used in server group '${serverGroupId}' by project '${holder.projectId}'`,
        { contextPath: `already used in server group '${serverGroupId}'` },
      );
    }
  }

  /** Fills resource defaults and refuses duplicate ids and ambiguous path + method pairs. */
  private resourcesFrom(inputs: readonly ResourceInput[]): Resource[] {
    const fields: Record<string, string> = {};
    const resources = inputs.map((input, index): Resource => {
      const resource: Resource = {
        id: input.id ?? this.context.ids.next(),
        path: input.path,
        methods: [...input.methods],
        acceptChildPaths: input.acceptChildPaths ?? false,
        forwardBasePath: input.forwardBasePath ?? true,
      };
      const before = inputs.slice(0, index);
      if (input.id !== undefined && before.some((other) => other.id === input.id)) {
        fields[`resources.${index}.id`] = `duplicates resource id '${input.id}'`;
      }
      const clash = before.find((other) => other.path === input.path && other.methods.some((m) => input.methods.includes(m)));
      if (clash !== undefined) fields[`resources.${index}.path`] = `'${input.path}' is already declared for one of these methods`;
      return resource;
    });
    throwIfInvalid(fields);
    return resources;
  }

  /**
   * Fills policy defaults; a policy's `resourceId` must name one of the project's resources, and
   * its type, flow, scope and config must be valid for its policy type.
   */
  private policiesFrom(inputs: readonly PolicyInput[], resources: readonly Resource[]): Policy[] {
    const fields: Record<string, string> = {};
    const seen = new Set<string>();
    const policies = inputs.map((input, index): Policy => {
      const policy: Policy = {
        id: input.id ?? this.context.ids.next(),
        type: input.type,
        flow: input.flow,
        enabled: input.enabled ?? true,
        continueOnError: input.continueOnError ?? false,
        config: input.config ?? {},
        ...(input.resourceId === undefined ? {} : { resourceId: input.resourceId }),
        ...(input.serverGroupConfig === undefined ? {} : { serverGroupConfig: input.serverGroupConfig }),
      };
      if (seen.has(policy.id)) fields[`policies.${index}.id`] = `duplicates policy id '${policy.id}'`;
      seen.add(policy.id);
      if (policy.resourceId !== undefined && !resources.some((r) => r.id === policy.resourceId)) {
        fields[`policies.${index}.resourceId`] = `names no resource of this project ('${policy.resourceId}')`;
      }
      return policy;
    });
    throwIfInvalid({ ...policyFieldErrors(policies, this.policyTypes), ...fields });
    return policies;
  }

  private async checkServerGroupOverrides(repos: Repositories, policies: readonly Policy[]): Promise<void> {
    for (const [index, policy] of policies.entries()) {
      await requireReferences(
        Object.keys(policy.serverGroupConfig ?? {}),
        (id) => repos.serverGroups.get(id),
        'server group',
        `policies.${index}.serverGroupConfig`,
        (_, groupId) => `policies.${index}.serverGroupConfig.${groupId}`,
      );
    }
  }
}
