import type { TSchema } from 'typebox';
import type { Flow } from '../entities/project.js';

/** Where a policy may be attached: to the whole project or to one resource. */
export type PolicyScope = 'project' | 'resource';

/**
 * A policy type as the management side sees it: what it is called, where it may run and the
 * JSON Schema of its `config`. The gateway's policy registry provides these (its definitions
 * are policy types plus a factory), so the schema the API checks is the one the gateway runs.
 */
export interface PolicyType {
  /** The `type` of a policy in configuration; also the folder name of its implementation. */
  name: string;
  description: string;
  /** Order within a flow and scope: lower runs first. */
  priority: number;
  flows: readonly Flow[];
  scopes: readonly PolicyScope[];
  /** JSON Schema (TypeBox) of the policy's `config`, with defaults and a description on every field. */
  schema: TSchema;
  /**
   * Checks what a schema cannot (a time zone exists, a CIDR parses). Gets a config that already
   * matches the schema, defaults filled; returns messages keyed by dotted config path ('' for
   * the whole config). Absent: the schema says it all.
   */
  check?(config: unknown): Record<string, string>;
}
