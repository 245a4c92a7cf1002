/** Tollgate's version, reported by health, the OpenAPI document and `tollgate --version`. */
export const VERSION = '0.1.0';
