import { type Answer, ApiProblem, type Body } from '@tollgate/api-client';
import { useOutletContext } from 'react-router';
import type { FieldMessages } from '../../components/problem';

/** An API project as the API answers it. */
export type Project = Answer<'getProject'>;
/** What creating a project takes; a saved project fits it too. */
export type ProjectInput = Body<'createProject'>;
/** A resource on input: `id` and the flags may be left to the API. */
export type ResourceInput = NonNullable<ProjectInput['resources']>[number];
/** A policy of a project, as saved (staged ones get their id on adding). */
export type Policy = Project['policies'][number];
/** When a policy runs: one of the four flows. */
export type Flow = Policy['flow'];
/** An HTTP method a resource may accept. */
export type Method = ResourceInput['methods'][number];
/** A policy type of `GET /policy-types`, with the JSON Schema of its `config`. */
export type PolicyType = Answer<'listPolicyTypes'>['items'][number];

/** The four flows, in the order a call goes through them. */
export const FLOWS: ReadonlyArray<{ id: Flow; label: string; hint: string }> = [
  { id: 'proxy-request', label: 'Proxy request', hint: 'The client’s request, as it arrives: authentication, limits, checks.' },
  { id: 'target-request', label: 'Target request', hint: 'The request forwarded to the backend.' },
  { id: 'target-response', label: 'Target response', hint: 'The backend’s answer, as it arrives.' },
  { id: 'proxy-response', label: 'Proxy response', hint: 'The answer sent back to the client.' },
];

/** Every method a resource may accept, in the order the editor shows them. */
export const METHODS: readonly Method[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

/** What every tab of a project reads from the detail page. */
export interface ProjectContext {
  project: Project;
  setProject: (project: Project) => void;
}

/** The project of the detail page, for one of its tabs. */
export function useProject(): ProjectContext {
  return useOutletContext<ProjectContext>();
}

/** The field messages of a failed call, named as the body names them (`policies.2.config.limit`); none for other failures. */
export function fieldsOf(error: unknown): FieldMessages {
  return error instanceof ApiProblem ? error.fields : {};
}

/** The messages under `prefix` (`policies.2.config.`), named relative to it (`limit`). */
export function fieldsUnder(fields: FieldMessages, prefix: string): FieldMessages {
  return Object.fromEntries(
    Object.entries(fields)
      .filter(([path]) => path.startsWith(prefix))
      .map(([path, message]) => [path.slice(prefix.length), message]),
  );
}

/** How a resource reads in a list: `GET, POST /pets/{petId}`. */
export function resourceLabel(resource: ResourceInput): string {
  return `${resource.methods.join(', ')} ${resource.path}${resource.acceptChildPaths === true ? '/…' : ''}`;
}
