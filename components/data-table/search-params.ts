import { z } from "zod";

/**
 * Parsers for a data table's URL state (`?page=2&perPage=50&sort=stars.desc&…`), shared by the
 * server page that queries and the client table that writes the URL. A value that does not parse
 * (a hand-edited or stale link) falls back to the default instead of failing the page.
 */

/** What Next.js hands a page as `searchParams`. */
export type SearchParams = Record<string, string | string[] | undefined>;

export interface SortState<Id extends string = string> {
  id: Id;
  desc: boolean;
}

/** `?a=1&a=2` arrives as an array; a table's state is one value per key, the first. */
export function firstValues(searchParams: SearchParams): Record<string, string | undefined> {
  return Object.fromEntries(
    Object.entries(searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value]),
  );
}

export function pageParam() {
  return z.coerce.number().int().min(1).max(1_000_000).catch(1);
}

export function pageSizeParam(sizes: readonly number[], fallback: number) {
  return z.coerce
    .number()
    .int()
    .refine((size) => sizes.includes(size))
    .catch(fallback);
}

/** `name.asc` / `stars.desc`, restricted to the sortable column ids. */
export function sortParam<const Id extends string>(ids: readonly Id[], fallback: SortState<Id>) {
  return z
    .string()
    .transform((value, context): SortState<Id> => {
      const [id, direction] = value.split(".");
      if (!ids.includes(id as Id) || (direction !== "asc" && direction !== "desc")) {
        context.addIssue({ code: "custom", message: "unknown sort" });
        return z.NEVER;
      }
      return { id: id as Id, desc: direction === "desc" };
    })
    .catch(fallback);
}

/** What every table keeps in the URL besides its filters: `sort`, `page` and `perPage`, with its defaults. */
export function tableStateParams<const Id extends string>(
  sorts: readonly Id[],
  defaults: { sort: SortState<Id>; pageSize: number; pageSizes: readonly number[] },
) {
  return {
    sort: sortParam(sorts, defaults.sort),
    page: pageParam(),
    perPage: pageSizeParam(defaults.pageSizes, defaults.pageSize),
  };
}

export function serializeSort(sort: SortState): string {
  return `${sort.id}.${sort.desc ? "desc" : "asc"}`;
}

/** Free text (a search, a facet value): trimmed, empty means absent. */
export function textParam(maxLength = 200) {
  return z
    .string()
    .trim()
    .max(maxLength)
    .transform((value) => value || undefined)
    .optional()
    .catch(undefined);
}
