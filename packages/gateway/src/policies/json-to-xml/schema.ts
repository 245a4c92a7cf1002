import { type Static, Type } from 'typebox';

const XML_NAME = '^[A-Za-z_][A-Za-z0-9._-]{0,99}$';

/** How JSON values become XML elements, attributes and text. */
export const JsonToXmlSchema = Type.Object(
  {
    rootElement: Type.String({
      pattern: XML_NAME,
      default: 'root',
      description:
        'Root element wrapped around the JSON when it is not an object with exactly one (non-array) property, ' +
        'which otherwise becomes the root itself. Default "root".',
    }),
    arrayItemElement: Type.String({
      pattern: XML_NAME,
      default: 'item',
      description:
        'Element for each value of an array that has no property name (a top-level array, an array in an array). Default "item".',
    }),
    attributePrefix: Type.String({
      maxLength: 10,
      default: '@',
      description:
        'Properties starting with this prefix become attributes: {"a": {"@id": 1}} → <a id="1"/>. Empty: no attributes. Default "@".',
    }),
    textNodeName: Type.String({
      minLength: 1,
      maxLength: 20,
      default: '#text',
      description: 'Property whose value becomes the text of its element. Default "#text".',
    }),
    declaration: Type.Boolean({ default: true, description: 'Start with <?xml version="1.0" encoding="UTF-8"?>. Default true.' }),
  },
  { additionalProperties: false },
);
export type JsonToXmlConfig = Static<typeof JsonToXmlSchema>;
