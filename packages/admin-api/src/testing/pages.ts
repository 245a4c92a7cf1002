/**
 * The ids of a list page's items, in the order the page gives them.
 *
 * @param page - a parsed list response (`{ items, nextCursor }`); only `items` is read.
 */
export const ids = (page: { items: Array<{ id: string }> }): string[] => page.items.map((item) => item.id);
