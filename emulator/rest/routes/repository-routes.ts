import type { EmulatorContext } from "../../server/context";
import { notFound } from "../../server/github-errors";
import type { EmulatorRequest, EmulatorResponse, Router } from "../../server/router";
import type { RepositoryView, TreeNode } from "../../world/repository-view";
import { contentEntry, contentFile, treeEntryShape } from "../shapes/git";
import { fullRepository } from "../shapes/repositories";
import { withRepository } from "./with-repository";

/** The default branch, HEAD, or the head commit's sha (full or abbreviated) all name the tip. */
export function namesHead(view: RepositoryView, ref: string | null | undefined): boolean {
  if (!ref) return true;
  const r = ref.replace(/^refs\/heads\//, "");
  if (r === view.repo.defaultBranch || r === "HEAD") return true;
  const head = view.headSha;
  return head !== null && r.length >= 7 && head.startsWith(r.toLowerCase());
}

const wantsRaw = (request: EmulatorRequest) =>
  /application\/vnd\.github(\.v3)?\.raw/i.test(String(request.headers.accept ?? ""));

function raw(node: TreeNode): EmulatorResponse {
  return {
    status: 200,
    headers: { "content-type": "application/vnd.github.raw; charset=utf-8" },
    body: node.content ?? "",
  };
}

const CONTENTS_DOCS = "https://docs.github.com/rest/repos/contents#get-repository-content";
const README_DOCS = "https://docs.github.com/rest/repos/contents#get-a-repository-readme";

export function registerRepositoryRoutes(router: Router, ctx: EmulatorContext): void {
  const { urls, index } = ctx;

  router.add(
    "GET",
    "/repos/:owner/:repo",
    withRepository(ctx, (request, view) => ({
      status: 200,
      headers: { "last-modified": new Date(view.repo.updatedAt).toUTCString() },
      body: fullRepository(urls, index, view, request.identity.kind === "user"),
    })),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/readme",
    withRepository(ctx, (request, view) => {
      if (!namesHead(view, request.query.get("ref")))
        return notFound(README_DOCS, `No commit found for the ref ${request.query.get("ref")}`);
      const node = view.readme();
      if (!node) return notFound(README_DOCS);
      return wantsRaw(request)
        ? raw(node)
        : { status: 200, body: contentFile(urls, view, node, view.repo.defaultBranch) };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/contents/*path",
    withRepository(ctx, (request, view) => {
      const ref = request.query.get("ref");
      if (!namesHead(view, ref)) return notFound(CONTENTS_DOCS, `No commit found for the ref ${ref}`);
      const path = (request.params.path ?? "").replace(/^\/+|\/+$/g, "");
      const branch = ref ?? view.repo.defaultBranch;
      const dir = view.directory(path);
      if (dir) return { status: 200, body: dir.map((node) => contentEntry(urls, view, node, branch)) };
      const node = view.node(path);
      if (!node) return notFound(CONTENTS_DOCS);
      return wantsRaw(request) ? raw(node) : { status: 200, body: contentFile(urls, view, node, branch) };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/git/trees/:sha",
    withRepository(ctx, (request, view) => {
      const sha = request.params.sha ?? "";
      const path = namesHead(view, sha) || sha === view.treeSha("") ? "" : findTreePath(view, sha);
      if (path === undefined) return notFound("https://docs.github.com/rest/git/trees#get-a-tree");
      const recursive = ["1", "true"].includes(request.query.get("recursive") ?? "");
      const nodes: TreeNode[] = [];
      const walk = (dir: string) => {
        for (const node of view.directory(dir) ?? []) {
          nodes.push(node);
          if (recursive && node.type === "tree") walk(node.path);
        }
      };
      walk(path);
      const prefix = path ? `${path}/` : "";
      const treeSha = view.treeSha(path);
      return {
        status: 200,
        body: {
          sha: treeSha,
          url: `${urls.api}/repos/${view.fullName}/git/trees/${treeSha}`,
          tree: nodes.map((node) => ({
            ...treeEntryShape(urls, view, node),
            path: node.path.slice(prefix.length),
          })),
          truncated: false,
        },
      };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/languages",
    withRepository(ctx, (_request, view) => ({
      status: 200,
      body: Object.fromEntries(Object.entries(view.repo.languages).sort((a, b) => b[1] - a[1])),
    })),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/topics",
    withRepository(ctx, (_request, view) => ({ status: 200, body: { names: view.repo.topics } })),
  );
}

function findTreePath(view: RepositoryView, sha: string): string | undefined {
  for (const file of view.repo.files) {
    const parts = file.path.split("/");
    for (let i = 1; i < parts.length; i++) {
      const dir = parts.slice(0, i).join("/");
      if (view.treeSha(dir) === sha) return dir;
    }
  }
  return undefined;
}
