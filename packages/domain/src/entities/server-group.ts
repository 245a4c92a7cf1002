import { type Static, Type } from 'typebox';
import { AuditFieldsSchema, DescriptionSchema, IdSchema, NameSchema } from './common.js';

/** A named cluster of gateway nodes; projects are deployed to groups, never to single nodes. */
export const ServerGroupSchema = Type.Object(
  { id: IdSchema, name: NameSchema, description: DescriptionSchema, ...AuditFieldsSchema },
  { additionalProperties: false },
);
export type ServerGroup = Static<typeof ServerGroupSchema>;

export const ServerGroupCreateSchema = Type.Object(
  { id: Type.Optional(IdSchema), name: NameSchema, description: Type.Optional(DescriptionSchema) },
  { additionalProperties: false },
);
export type ServerGroupCreate = Static<typeof ServerGroupCreateSchema>;

export const ServerGroupUpdateSchema = Type.Object(
  { name: Type.Optional(NameSchema), description: Type.Optional(DescriptionSchema) },
  { additionalProperties: false, minProperties: 1 },
);
export type ServerGroupUpdate = Static<typeof ServerGroupUpdateSchema>;

/** The groups that exist after the first start. */
export const DEFAULT_SERVER_GROUPS: ReadonlyArray<{ id: string; name: string; description: string }> = [
  { id: 'production', name: 'Production', description: 'Gateway nodes serving live traffic.' },
  { id: 'development', name: 'Development', description: 'Gateway nodes for development and testing.' },
];

/** A node counts as offline when it has not reported for this long (three missed 5 s heartbeats). */
export const NODE_OFFLINE_AFTER_MS = 15_000;

/** A gateway node of a group, as the management API lists it. */
export const GatewayNodeSchema = Type.Object(
  {
    id: Type.String({ description: 'host:port of the node.' }),
    serverGroupId: IdSchema,
    address: Type.String({ description: 'Base URL clients call.' }),
    configVersion: Type.Union([Type.Integer(), Type.Null()], { description: 'Configuration version of the snapshot it serves.' }),
    startedAt: Type.String({ format: 'date-time' }),
    lastSeenAt: Type.String({ format: 'date-time' }),
    status: Type.Enum(['online', 'offline'], { description: `offline when not seen for ${NODE_OFFLINE_AFTER_MS / 1000} s.` }),
  },
  { additionalProperties: false },
);
export type GatewayNode = Static<typeof GatewayNodeSchema>;
