import { type Static, Type } from 'typebox';

/** Structural limits for XML request bodies; DOCTYPEs and entities are always refused. */
export const XmlThreatProtectionSchema = Type.Object(
  {
    maxDepth: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 32,
      description: 'Deepest element nesting: the root element is depth 1.',
    }),
    maxElements: Type.Integer({ minimum: 1, maximum: 100_000_000, default: 10_000, description: 'Most elements in the whole document.' }),
    maxAttributes: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 32,
      description: 'Most attributes on any one element, namespace declarations (xmlns…) included.',
    }),
    maxNameLength: Type.Integer({
      minimum: 1,
      maximum: 10_000,
      default: 128,
      description: 'Longest element, attribute or processing-instruction target name, prefix included, in characters.',
    }),
    maxAttributeValueLength: Type.Integer({
      minimum: 1,
      maximum: 100_000_000,
      default: 4_096,
      description: 'Longest attribute value, in characters (a reference such as &amp; counts as one).',
    }),
    maxTextLength: Type.Integer({
      minimum: 1,
      maximum: 100_000_000,
      default: 65_536,
      description: 'Longest text node, CDATA section, comment or processing-instruction content, in characters.',
    }),
    maxBodyBytes: Type.Union([Type.Integer({ minimum: 1, maximum: 1_073_741_824 }), Type.Null()], {
      default: null,
      description:
        "Largest XML body in bytes; larger ones get 413 PAYLOAD_TOO_LARGE. null (default): the node's own limit (10 MiB unless configured).",
    }),
  },
  { additionalProperties: false },
);
export type XmlThreatProtectionConfig = Static<typeof XmlThreatProtectionSchema>;
