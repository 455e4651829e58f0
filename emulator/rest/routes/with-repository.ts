import type { EmulatorContext } from "../../server/context";
import { notFound } from "../../server/github-errors";
import type { EmulatorRequest, EmulatorResponse, Handler } from "../../server/router";
import type { RepositoryView } from "../../world/repository-view";

export type RepositoryHandler = (
  request: EmulatorRequest,
  view: RepositoryView,
) => EmulatorResponse | Promise<EmulatorResponse>;

/** Resolves `:owner/:repo` (case-insensitively, like GitHub) or answers GitHub's 404. */
export function withRepository(
  ctx: EmulatorContext,
  handler: RepositoryHandler,
  documentationUrl?: string,
): Handler {
  return (request) => {
    const view = ctx.index.repository(request.params.owner ?? "", request.params.repo ?? "");
    if (!view)
      return notFound(documentationUrl ?? "https://docs.github.com/rest/repos/repos#get-a-repository");
    return handler(request, view);
  };
}

/** A positive integer path parameter, or undefined. */
export function intParam(value: string | undefined): number | undefined {
  if (!value || !/^\d+$/.test(value)) return undefined;
  const n = Number(value);
  return n > 0 && Number.isSafeInteger(n) ? n : undefined;
}
