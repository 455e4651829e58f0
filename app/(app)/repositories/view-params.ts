import { z } from "zod";
import {
  firstValues,
  type SearchParams,
  tableStateParams,
  textParam,
} from "@/components/data-table/search-params";
import type { RepositoryView } from "@/components/repositories/repository-view";
import { repositoryTableDefaults } from "@/components/repositories/repository-view";
import { repositoryFilters, repositorySorts } from "@/lib/repositories/list-options";

const viewSchema = z.object({
  filter: z.enum(repositoryFilters).catch("all"),
  language: textParam(50).transform((value) => value?.toLowerCase()),
  domain: textParam(50),
  q: textParam(200),
  ...tableStateParams(repositorySorts, repositoryTableDefaults),
});

/** `?filter=approved&language=python&sort=health.desc&page=2` → the view to query and show. */
export function parseRepositoryView(searchParams: SearchParams): RepositoryView {
  const parsed = viewSchema.parse(firstValues(searchParams));
  return {
    filter: parsed.filter,
    language: parsed.language,
    domain: parsed.domain,
    search: parsed.q,
    sort: parsed.sort,
    page: parsed.page,
    pageSize: parsed.perPage,
  };
}
