import { type Static, Type } from 'typebox';
import { FlowSchema } from './project.js';

/** A policy type as `GET /api/v1/policy-types` lists it. */
export const PolicyTypeSchema = Type.Object(
  {
    name: Type.String({ description: "The value of a policy's `type`." }),
    description: Type.String(),
    priority: Type.Integer({ description: 'Order within a flow and scope: lower runs first.' }),
    flows: Type.Array(FlowSchema, { description: 'Flows the policy may be attached to.' }),
    scopes: Type.Array(Type.Enum(['project', 'resource']), {
      description: 'Whether it may apply to the whole project, one resource, or both.',
    }),
    schema: Type.Record(Type.String(), Type.Unknown(), { description: "JSON Schema of the policy's `config`." }),
  },
  { additionalProperties: false },
);
export type PolicyTypeView = Static<typeof PolicyTypeSchema>;
