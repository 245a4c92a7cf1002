import { type Static, Type } from 'typebox';

/** How XML elements, attributes and text become JSON. */
export const XmlToJsonSchema = Type.Object(
  {
    attributePrefix: Type.String({
      maxLength: 10,
      default: '@',
      description: 'Prefix of the JSON properties made from attributes: <a id="1"> → {"a": {"@id": "1"}}. Default "@".',
    }),
    textNodeName: Type.String({
      minLength: 1,
      maxLength: 20,
      default: '#text',
      description: 'Property holding the text of an element that also has attributes or children. Default "#text".',
    }),
    ignoreAttributes: Type.Boolean({ default: false, description: 'Drop every attribute. Default false.' }),
    typedValues: Type.Boolean({
      default: false,
      description:
        'Turn text that is a number (no leading zero) or true/false into JSON numbers and booleans. Default false: every value is a string.',
    }),
    stripNamespaces: Type.Boolean({
      default: false,
      description: 'Drop namespace prefixes from element and attribute names (soap:Body → Body). Default false.',
    }),
    arrays: Type.Array(Type.String({ minLength: 1, maxLength: 200, description: 'An element name (after stripNamespaces).' }), {
      default: [],
      maxItems: 100,
      description: 'Elements always made JSON arrays, even when they occur once (otherwise only repeated elements are).',
    }),
  },
  { additionalProperties: false },
);
export type XmlToJsonConfig = Static<typeof XmlToJsonSchema>;
