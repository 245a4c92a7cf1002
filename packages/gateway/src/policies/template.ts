import { ERROR_CATALOGUE } from '@tollgate/domain';
import type { Exchange } from '../exchange.js';
import type { Rejection } from './kit.js';
import { isVariableName, variableOf } from './variables.js';

/**
 * The template language shared by the transformation policies (`headers`, `assign-variables`,
 * `build-message`, `mock-response`, `fault-handling`, `rewrite`): text with `{name}` or
 * `{name|filter|…}` expressions, compiled once in `create()` into a function of the call.
 *
 * An expression is `{`, a name made of a root word and dotted parts (`request.header.x-region`),
 * optional filters, `}`. Anything else is text: `{"a": 1}` needs no escaping, because `{"` does
 * not start a name. `\{` writes a literal `{` where text would look like an expression.
 */

/** Renders a compiled template for one call. `error` is the answer being made (fault handling only). */
export type Render = (exchange: Exchange, error?: Rejection) => string;

/** What a template may use. */
export interface TemplateOptions {
  /** The kit's clock, for `{time.*}`. */
  now: () => number;
  /** Whether `{error.*}` may be used: only where an error is being answered. */
  errors?: boolean;
}

/** A template that cannot be compiled (unknown name or filter); its message names the culprit. */
export class TemplateError extends Error {}

type Part = (exchange: Exchange, error: Rejection | undefined) => string;

const EXPRESSION = /\\\{|\{([A-Za-z][A-Za-z0-9]*)(?:\.([^\s{}|\\]+))?((?:\|[A-Za-z]+)*)\}/g;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;

/** Compiles `source`; throws {@link TemplateError} for an unknown name or filter. */
export function compileTemplate(source: string, options: TemplateOptions): Render {
  const parts: Array<string | Part> = [];
  const text = (value: string) => {
    if (value === '') return;
    const last = parts.length - 1;
    if (typeof parts[last] === 'string') parts[last] += value;
    else parts.push(value);
  };
  let at = 0;
  for (const match of source.matchAll(EXPRESSION)) {
    text(source.slice(at, match.index));
    at = match.index + match[0].length;
    if (match[0] === '\\{') {
      text('{');
      continue;
    }
    const [whole, root = '', rest, filterList = ''] = match;
    const value = resolver(root, rest, options, whole);
    const filters = filterList
      .split('|')
      .slice(1)
      .map((name) => filterOf(name, whole));
    parts.push(filters.length === 0 ? value : withFilters(value, filters));
  }
  text(source.slice(at));

  if (parts.length === 0) return () => '';
  const [first] = parts;
  if (parts.length === 1) {
    if (typeof first === 'string') return () => first;
    return first as Part;
  }
  return (exchange, error) => {
    let out = '';
    for (const part of parts) out += typeof part === 'string' ? part : part(exchange, error);
    return out;
  };
}

/** Why `source` does not compile, or undefined: for a policy's `check()`. */
export function templateProblem(source: string, options: Omit<TemplateOptions, 'now'> = {}): string | undefined {
  try {
    compileTemplate(source, { ...options, now: Date.now });
    return undefined;
  } catch (error) {
    if (error instanceof TemplateError) return error.message;
    throw error;
  }
}

/**
 * The text of a template without expressions (escapes resolved), or undefined when it has
 * one: a constant can be computed once in `create()`.
 */
export function constantText(source: string): string | undefined {
  let text = '';
  let at = 0;
  for (const match of source.matchAll(EXPRESSION)) {
    if (match[0] !== '\\{') return undefined;
    text += `${source.slice(at, match.index)}{`;
    at = match.index + match[0].length;
  }
  return text + source.slice(at);
}

function withFilters(value: Part, filters: Array<(text: string) => string>): Part {
  return (exchange, error) => {
    let out = value(exchange, error);
    for (const filter of filters) out = filter(out);
    return out;
  };
}

function headerText(value: string | number | readonly string[] | undefined): string {
  if (value === undefined) return '';
  if (typeof value === 'string') return value;
  return typeof value === 'number' ? String(value) : value.join(', ');
}

/** The first value of a query parameter in a raw query string ('' when absent). */
function queryValue(query: string, name: string): string {
  if (query === '') return '';
  return new URLSearchParams(query).get(name) ?? '';
}

/** The function behind one name; throws for a name the language does not have. */
function resolver(root: string, rest: string | undefined, options: TemplateOptions, whole: string): Part {
  const unknown = () => new TemplateError(`unknown name ${whole}`);
  const path = rest ?? '';
  switch (root) {
    case 'request': {
      if (path === 'method') return (exchange) => exchange.method;
      if (path === 'path') return (exchange) => exchange.path;
      if (path === 'pathSuffix') return (exchange) => exchange.remainder;
      if (path === 'query') return (exchange) => exchange.query;
      if (path === 'id') return (exchange) => exchange.requestId;
      if (path.startsWith('header.')) {
        const name = headerName(path.slice('header.'.length), whole);
        return (exchange) => headerText(exchange.requestHeaders[name]);
      }
      if (path.startsWith('query.') && path.length > 'query.'.length) {
        const name = path.slice('query.'.length);
        return (exchange) => queryValue(exchange.query, name);
      }
      throw unknown();
    }
    case 'response': {
      if (path === 'status') return (exchange) => (exchange.response === undefined ? '' : String(exchange.response.status));
      if (path.startsWith('header.')) {
        const name = headerName(path.slice('header.'.length), whole);
        return (exchange) => headerText(exchange.response?.headers[name]);
      }
      throw unknown();
    }
    case 'client':
      if (path === 'id') return (exchange) => exchange.identity?.clientId ?? '';
      if (path === 'ip') return (exchange) => exchange.clientAddress;
      throw unknown();
    case 'subscription':
      if (path === 'id') return (exchange) => exchange.identity?.subscriptionId ?? '';
      throw unknown();
    case 'product':
      if (path === 'id') return (exchange) => exchange.identity?.productId ?? '';
      throw unknown();
    case 'organization':
      if (path === 'id') return (exchange) => exchange.identity?.organizationId ?? '';
      throw unknown();
    case 'project':
      if (path === 'id') return (exchange) => exchange.project.id;
      throw unknown();
    case 'variable':
      if (!isVariableName(path)) throw new TemplateError(`${whole}: a variable name is a letter then letters, digits, _ or -`);
      return (exchange) => variableOf(exchange, path) ?? '';
    case 'time': {
      const now = options.now;
      if (path === 'iso') return () => new Date(now()).toISOString();
      if (path === 'epoch') return () => String(now());
      throw unknown();
    }
    case 'error': {
      if (options.errors !== true) throw new TemplateError(`${whole}: error names exist only in fault-handling answers`);
      if (path === 'code') return (_exchange, error) => error?.code ?? '';
      if (path === 'detail') return (_exchange, error) => error?.detail ?? '';
      if (path === 'status') return (_exchange, error) => (error === undefined ? '' : String(ERROR_CATALOGUE[error.code].status));
      if (path === 'title') return (_exchange, error) => (error === undefined ? '' : ERROR_CATALOGUE[error.code].title);
      throw unknown();
    }
    default:
      throw unknown();
  }
}

function headerName(name: string, whole: string): string {
  if (!HEADER_NAME.test(name)) throw new TemplateError(`${whole}: not a header name`);
  return name.toLowerCase();
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** `encodeURIComponent` that does not throw on a lone surrogate (it becomes U+FFFD). */
export function percentEncode(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    return encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD'));
  }
}

function filterOf(name: string, whole: string): (text: string) => string {
  switch (name) {
    case 'json':
      return (text) => JSON.stringify(text);
    case 'url':
      return percentEncode;
    case 'xml':
      return (text) => text.replace(/[&<>"']/g, (char) => XML_ESCAPES[char] ?? char);
    case 'lower':
      return (text) => text.toLowerCase();
    case 'upper':
      return (text) => text.toUpperCase();
    default:
      throw new TemplateError(`${whole}: unknown filter '${name}' (json, url, xml, lower, upper)`);
  }
}
