import type { Deployment, Project, ProjectRepository } from '@tollgate/domain';
import type { Kysely, Selectable } from 'kysely';
import { decodeCursor, toIso, toMillis, toPage } from '../sql/codec.js';
import { guarded } from '../sql/errors.js';
import { deleteObjectPermissions, inScope } from '../sql/grants.js';
import { atomic } from '../sql/links.js';
import { deleteById } from '../sql/rows.js';
import type { Database, DeploymentTable, ProjectTable } from '../sql/schema.js';
import { containsText } from '../sql/search.js';

const KIND = 'project';

/** A project row as the entity. */
export function toProject(row: Selectable<ProjectTable>): Project {
  return {
    id: row.id,
    name: row.name,
    version: row.version,
    contextPath: row.context_path,
    status: row.status as Project['status'],
    description: row.description,
    tags: JSON.parse(row.tags),
    target: JSON.parse(row.target),
    resources: JSON.parse(row.resources),
    policies: JSON.parse(row.policies),
    createdAt: toIso(row.created_at),
    updatedAt: toIso(row.updated_at),
  };
}

function toRow(project: Project): ProjectTable {
  return {
    id: project.id,
    name: project.name,
    version: project.version,
    context_path: project.contextPath,
    status: project.status,
    description: project.description,
    tags: JSON.stringify(project.tags),
    target: JSON.stringify(project.target),
    resources: JSON.stringify(project.resources),
    policies: JSON.stringify(project.policies),
    created_at: toMillis(project.createdAt),
    updated_at: toMillis(project.updatedAt),
  };
}

function toDeployment(row: Selectable<DeploymentTable>): Deployment {
  return {
    projectId: row.project_id,
    serverGroupId: row.server_group_id,
    contextPath: row.context_path,
    deployedAt: toIso(row.deployed_at),
  };
}

/** API projects (resources and policies as JSON columns) and their deployments. */
export function projectRepository(db: Kysely<Database>): ProjectRepository {
  return {
    async get(id) {
      const row = await db.selectFrom('projects').selectAll().where('id', '=', id).executeTakeFirst();
      return row && toProject(row);
    },
    async list(filter, page) {
      const after = decodeCursor(page.cursor);
      const rows = await db
        .selectFrom('projects')
        .selectAll()
        .$if(after !== undefined, (q) => q.where('id', '>', after ?? ''))
        .$if(filter.scope !== undefined, (q) => q.where(inScope(filter.scope ?? { except: [] })))
        .$if(filter.q !== undefined, (q) => q.where(containsText('projects', ['id', 'name', 'context_path'], filter.q ?? '')))
        .$if(filter.status !== undefined, (q) => q.where('status', '=', filter.status ?? ''))
        .$if(filter.serverGroupId !== undefined, (q) =>
          q.where(
            'id',
            'in',
            db
              .selectFrom('deployments')
              .select('project_id')
              .where('server_group_id', '=', filter.serverGroupId ?? ''),
          ),
        )
        .orderBy('id')
        .limit(page.limit + 1)
        .execute();
      return toPage(rows.map(toProject), page);
    },
    insert: (project) =>
      guarded(KIND, project.id, 'write', () => db.insertInto('projects').values(toRow(project)).execute()).then(() => {}),
    update: (project) =>
      guarded(KIND, project.id, 'write', () => db.updateTable('projects').set(toRow(project)).where('id', '=', project.id).execute()).then(
        () => {},
      ),
    delete: (id) =>
      atomic(db, async (trx) => {
        await deleteObjectPermissions(trx, KIND, id);
        return deleteById(trx, 'projects', KIND, id);
      }),
    async listDeployments(projectId) {
      const rows = await db.selectFrom('deployments').selectAll().where('project_id', '=', projectId).orderBy('server_group_id').execute();
      return rows.map(toDeployment);
    },
    async findDeploymentByContextPath(serverGroupId, contextPath) {
      const row = await db
        .selectFrom('deployments')
        .selectAll()
        .where('server_group_id', '=', serverGroupId)
        .where('context_path', '=', contextPath)
        .executeTakeFirst();
      return row && toDeployment(row);
    },
    insertDeployment: (deployment) =>
      guarded(KIND, deployment.projectId, 'write', () =>
        db
          .insertInto('deployments')
          .values({
            project_id: deployment.projectId,
            server_group_id: deployment.serverGroupId,
            context_path: deployment.contextPath,
            deployed_at: toMillis(deployment.deployedAt),
          })
          .execute(),
      ).then(() => {}),
    async deleteDeployment(projectId, serverGroupId) {
      const result = await db
        .deleteFrom('deployments')
        .where('project_id', '=', projectId)
        .where('server_group_id', '=', serverGroupId)
        .executeTakeFirst();
      return result.numDeletedRows > 0n;
    },
    updateDeploymentContextPath: (projectId, contextPath) =>
      guarded(KIND, projectId, 'write', () =>
        db.updateTable('deployments').set({ context_path: contextPath }).where('project_id', '=', projectId).execute(),
      ).then(() => {}),
  };
}
