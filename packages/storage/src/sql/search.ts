import { type Expression, type SqlBool, sql } from 'kysely';
import type { Database } from './schema.js';

/** The LIKE escape character: the pattern character after it is matched literally. */
const ESCAPE = '\\';

/**
 * A LIKE pattern matching any text that contains `text`: its `%`, `_` and the escape character
 * itself are escaped, because a search box looks for what was typed, not for a wildcard.
 */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (character) => `${ESCAPE}${character}`)}%`;
}

/**
 * The condition that one of `columns` of `table` contains `text`, ignoring case (the `q` filter of
 * the lists). `lower(column) like lower(pattern)` on both dialects rather than PostgreSQL's ILIKE
 * or SQLite's LIKE alone (whose case folding a pragma can switch off): one expression, so ASCII
 * letters match alike everywhere; `lower` of other letters follows each database (PostgreSQL's
 * locale, none on SQLite). The pattern and the escape character are parameters, so neither
 * string-literal rules (`standard_conforming_strings`) nor the text can change the SQL. A
 * substring match cannot use an index; these lists hold management-sized tables.
 *
 * @param table - the table the list selects from; its columns are named qualified, so the
 *   condition keeps meaning that table should the list ever join another.
 * @param columns - the text columns searched, any one matching is enough.
 * @param text - the text to look for, as given.
 */
export function containsText<T extends keyof Database>(
  table: T,
  columns: readonly (keyof Database[T] & string)[],
  text: string,
): Expression<SqlBool> {
  const pattern = sql`lower(${containsPattern(text)})`;
  const tests = columns.map((column) => sql`lower(${sql.ref(`${table}.${column}`)}) like ${pattern} escape ${ESCAPE}`);
  return sql<SqlBool>`(${sql.join(tests, sql` or `)})`;
}
