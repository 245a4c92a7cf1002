import { type Static, Type } from 'typebox';
import { AuditFieldsSchema, DescriptionSchema, IdSchema, NameSchema, TimestampSchema } from './common.js';

/** Lifecycle of a project: deprecated ones keep serving but join no new product; retired ones cannot be deployed. */
export const ProjectStatusSchema = Type.Enum(['active', 'deprecated', 'retired']);
export type ProjectStatus = Static<typeof ProjectStatusSchema>;

/** The four flows a policy can run in, in request order. */
export const FLOWS = ['proxy-request', 'target-request', 'target-response', 'proxy-response'] as const;
export const FlowSchema = Type.Enum(FLOWS, {
  description: 'When the policy runs: proxy-request, target-request, target-response or proxy-response.',
});
export type Flow = (typeof FLOWS)[number];

/** HTTP methods a resource can accept. */
export const HTTP_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
export const HttpMethodSchema = Type.Enum(HTTP_METHODS);
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Base path on the gateway: one or more "/segment", no "." or ".." segments, no trailing slash. */
export const ContextPathSchema = Type.String({
  pattern: '^(?:/(?!\\.{1,2}(?:/|$))[A-Za-z0-9._~-]+)+$',
  maxLength: 200,
  description: 'Base path on the gateway, e.g. "/petstore/v1": segments of letters, digits and "._~-", no trailing slash.',
});

/** A resource path under the context path; "{name}" segments match one path segment. */
export const ResourcePathSchema = Type.String({
  pattern: '^/(?:(?:[A-Za-z0-9._~-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\})(?:/(?:[A-Za-z0-9._~-]+|\\{[A-Za-z_][A-Za-z0-9_]*\\}))*)?$',
  maxLength: 500,
  description: 'Path under the context path, e.g. "/pets/{petId}"; "/" is the context path itself.',
});

/** The backend the gateway forwards to. */
export const TargetSchema = Type.Object(
  {
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 2000, description: 'Backend base URL (http or https).' }),
    timeoutMs: Type.Integer({ minimum: 1, maximum: 600_000, description: 'Time the backend has to answer, in milliseconds.' }),
  },
  { additionalProperties: false },
);
export type Target = Static<typeof TargetSchema>;

/** Default backend timeout. */
export const DEFAULT_TARGET_TIMEOUT_MS = 30_000;

export const ResourceSchema = Type.Object(
  {
    id: IdSchema,
    path: ResourcePathSchema,
    methods: Type.Array(HttpMethodSchema, { minItems: 1, uniqueItems: true, description: 'Methods the resource accepts.' }),
    acceptChildPaths: Type.Boolean({ description: 'Also match every path below this one (default false: exact match).' }),
    forwardBasePath: Type.Boolean({
      description: 'Append the path after the context path to the target URL (default true); false calls the target URL as it is.',
    }),
  },
  { additionalProperties: false },
);
export type Resource = Static<typeof ResourceSchema>;

export const ResourceInputSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    path: ResourcePathSchema,
    methods: ResourceSchema.properties.methods,
    acceptChildPaths: Type.Optional(ResourceSchema.properties.acceptChildPaths),
    forwardBasePath: Type.Optional(ResourceSchema.properties.forwardBasePath),
  },
  { additionalProperties: false },
);
export type ResourceInput = Static<typeof ResourceInputSchema>;

/** A policy's own settings; its shape is checked against the policy type's schema. */
export const PolicyConfigSchema = Type.Record(Type.String(), Type.Unknown(), { description: 'Settings of the policy type.' });

export const PolicySchema = Type.Object(
  {
    id: IdSchema,
    type: Type.String({ pattern: '^[a-z][a-z0-9-]{0,63}$', description: 'Policy type, e.g. "verify-api-key".' }),
    resourceId: Type.Optional(IdSchema),
    flow: FlowSchema,
    enabled: Type.Boolean(),
    continueOnError: Type.Boolean({ description: 'A failure of this policy does not stop the flow.' }),
    config: PolicyConfigSchema,
    serverGroupConfig: Type.Optional(
      Type.Record(IdSchema, PolicyConfigSchema, { description: 'Per server group: settings that replace fields of config.' }),
    ),
  },
  { additionalProperties: false },
);
export type Policy = Static<typeof PolicySchema>;

export const PolicyInputSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    type: PolicySchema.properties.type,
    resourceId: Type.Optional(IdSchema),
    flow: FlowSchema,
    enabled: Type.Optional(Type.Boolean()),
    continueOnError: Type.Optional(Type.Boolean()),
    config: Type.Optional(PolicyConfigSchema),
    serverGroupConfig: PolicySchema.properties.serverGroupConfig,
  },
  { additionalProperties: false },
);
export type PolicyInput = Static<typeof PolicyInputSchema>;

/** The policy every project gets when it is created without policies: secure by default. */
export const DEFAULT_PROJECT_POLICY: PolicyInput = { id: 'verify-api-key', type: 'verify-api-key', flow: 'proxy-request' };

/** An API proxy: where it listens on the gateway, where it forwards, what runs on the way. */
export const ProjectSchema = Type.Object(
  {
    id: IdSchema,
    name: NameSchema,
    version: Type.String({ minLength: 1, maxLength: 50, description: 'Version label; a new version is a new project with the same name.' }),
    contextPath: ContextPathSchema,
    status: ProjectStatusSchema,
    description: DescriptionSchema,
    tags: Type.Array(Type.String({ minLength: 1, maxLength: 50 }), { maxItems: 50, uniqueItems: true }),
    target: TargetSchema,
    resources: Type.Array(ResourceSchema, { maxItems: 500 }),
    policies: Type.Array(PolicySchema, { maxItems: 200 }),
    ...AuditFieldsSchema,
  },
  { additionalProperties: false },
);
export type Project = Static<typeof ProjectSchema>;

export const ProjectCreateSchema = Type.Object(
  {
    id: Type.Optional(IdSchema),
    name: NameSchema,
    version: Type.Optional(ProjectSchema.properties.version),
    contextPath: ContextPathSchema,
    status: Type.Optional(ProjectStatusSchema),
    description: Type.Optional(DescriptionSchema),
    tags: Type.Optional(ProjectSchema.properties.tags),
    target: Type.Object(
      { url: TargetSchema.properties.url, timeoutMs: Type.Optional(TargetSchema.properties.timeoutMs) },
      { additionalProperties: false },
    ),
    resources: Type.Optional(Type.Array(ResourceInputSchema, { maxItems: 500 })),
    policies: Type.Optional(Type.Array(PolicyInputSchema, { maxItems: 200 })),
  },
  { additionalProperties: false },
);
export type ProjectCreate = Static<typeof ProjectCreateSchema>;

export const ProjectUpdateSchema = Type.Object(
  {
    name: Type.Optional(NameSchema),
    version: Type.Optional(ProjectSchema.properties.version),
    contextPath: Type.Optional(ContextPathSchema),
    status: Type.Optional(ProjectStatusSchema),
    description: Type.Optional(DescriptionSchema),
    tags: Type.Optional(ProjectSchema.properties.tags),
    target: Type.Optional(ProjectCreateSchema.properties.target),
    resources: Type.Optional(Type.Array(ResourceInputSchema, { maxItems: 500 })),
    policies: Type.Optional(Type.Array(PolicyInputSchema, { maxItems: 200 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type ProjectUpdate = Static<typeof ProjectUpdateSchema>;

/** A project deployed to a server group. */
export const DeploymentSchema = Type.Object(
  { projectId: IdSchema, serverGroupId: IdSchema, contextPath: ContextPathSchema, deployedAt: TimestampSchema },
  { additionalProperties: false },
);
export type Deployment = Static<typeof DeploymentSchema>;

export const DeploymentCreateSchema = Type.Object({ serverGroupId: IdSchema }, { additionalProperties: false });
export type DeploymentCreate = Static<typeof DeploymentCreateSchema>;
