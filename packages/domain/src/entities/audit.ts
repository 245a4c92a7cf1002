import { type Static, Type } from 'typebox';
import { TimestampSchema } from './common.js';

/** How a call ended: it changed what it meant to (`success`), it was refused by its permission or token (`denied`), or it failed. */
export const AUDIT_OUTCOMES = ['success', 'failure', 'denied'] as const;
export type AuditOutcome = (typeof AUDIT_OUTCOMES)[number];

/** Who made the call: a user (by username), the bootstrap token, or nobody known (no or a bad token). */
export const AuditActorSchema = Type.Object(
  {
    type: Type.Enum(['user', 'bootstrap', 'anonymous']),
    id: Type.Union([Type.String(), Type.Null()], { description: 'The username for a user; null otherwise.' }),
  },
  { additionalProperties: false },
);
export type AuditActor = Static<typeof AuditActorSchema>;

/** What the call acted on: a kind of object (`product`, `user`, …) and its id. */
export const AuditTargetSchema = Type.Object({ type: Type.String(), id: Type.String() }, { additionalProperties: false });
export type AuditTarget = Static<typeof AuditTargetSchema>;

/** The target's fields that changed, before and after, secrets redacted (`"[redacted]"`). */
export const AuditChangesSchema = Type.Object(
  {
    before: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Null: the target did not exist.' }),
    after: Type.Union([Type.Record(Type.String(), Type.Unknown()), Type.Null()], { description: 'Null: the target no longer exists.' }),
  },
  { additionalProperties: false },
);
export type AuditChanges = Static<typeof AuditChangesSchema>;

/** What the API writes for one call; the log adds its place in the chain. */
export const AuditEntrySchema = Type.Object(
  {
    time: TimestampSchema,
    actor: AuditActorSchema,
    sourceIp: Type.String({ description: "The client's address (the TCP peer)." }),
    requestId: Type.String({ description: 'The `x-request-id` of the answer.' }),
    action: Type.String({
      description: "The route's operationId (e.g. `updateProduct`, `login`), or `METHOD /path` for a URL without a route.",
    }),
    method: Type.String(),
    path: Type.String({ description: 'The URL path called, without the query.' }),
    target: Type.Union([AuditTargetSchema, Type.Null()]),
    outcome: Type.Enum(AUDIT_OUTCOMES),
    status: Type.Integer({ description: 'The HTTP status answered.' }),
    changes: Type.Union([AuditChangesSchema, Type.Null()], { description: 'Null when nothing changed.' }),
  },
  { additionalProperties: false },
);
export type AuditEntry = Static<typeof AuditEntrySchema>;

/** One record of the audit log: an entry chained to the one before by its hash. */
export const AuditRecordSchema = Type.Object(
  {
    seq: Type.Integer({ minimum: 1, description: 'Position in the log: 1, 2, 3, … without gaps.' }),
    ...AuditEntrySchema.properties,
    prevHash: Type.String({ description: 'The hash of record seq − 1 (64 zeros for the first).' }),
    hash: Type.String({ description: 'SHA-256 (hex) over prevHash and the canonical JSON (RFC 8785) of the other fields.' }),
  },
  { additionalProperties: false },
);
export type AuditRecord = Static<typeof AuditRecordSchema>;

/** What `GET /api/v1/audit` filters by; every field optional, all given must match. */
export interface AuditFilter {
  /** The username of a user actor, or `bootstrap`, or `anonymous`. */
  actor?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  action?: string | undefined;
  outcome?: AuditOutcome | undefined;
  /** Inclusive, epoch ms. */
  from?: number | undefined;
  /** Exclusive, epoch ms. */
  to?: number | undefined;
}
