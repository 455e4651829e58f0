import type { EmulatorContext } from "../server/context";
import type { Bucket } from "../server/rate-limits";
import type { RepositoryView, TreeNode } from "../world/repository-view";
import type { Account, CheckSuite, Issue, Pull } from "../world/world-schema";

/**
 * What resolvers pass around: small tagged records pointing into the world. `__typename` lets the
 * executor resolve interfaces and unions (GitObject, Actor, SearchResultItem, …).
 */
export type RepositoryModel = { __typename: "Repository"; view: RepositoryView };
export type AccountModel = { __typename: "User" | "Organization"; account: Account };
export type IssueModel = { __typename: "Issue"; view: RepositoryView; item: Issue };
export type PullModel = { __typename: "PullRequest"; view: RepositoryView; item: Pull };
export type CommitModel = { __typename: "Commit"; view: RepositoryView; index: number };
export type TreeModel = { __typename: "Tree"; view: RepositoryView; path: string };
export type BlobModel = { __typename: "Blob"; view: RepositoryView; node: TreeNode };
export type RefModel = { __typename: "Ref"; view: RepositoryView };
export type CheckSuiteModel = { __typename: "CheckSuite"; view: RepositoryView; suite: CheckSuite };
export type GitObjectModel = CommitModel | TreeModel | BlobModel;

/** Per-request state: the emulator plus this query's rate-limit accounting. */
export interface GraphqlContext {
  ctx: EmulatorContext;
  login: string;
  bucket: Bucket;
  cost: number;
  nodeCount: number;
}

export const repositoryModel = (view: RepositoryView): RepositoryModel => ({
  __typename: "Repository",
  view,
});

export const accountModel = (account: Account): AccountModel => ({ __typename: account.type, account });

export const itemModel = (view: RepositoryView, item: Issue | Pull): IssueModel | PullModel =>
  "mergedAt" in item ? { __typename: "PullRequest", view, item } : { __typename: "Issue", view, item };

export const commitModel = (view: RepositoryView, index: number): CommitModel => ({
  __typename: "Commit",
  view,
  index,
});

/** A tree entry as a git object: directories are trees, files are blobs. */
export function nodeModel(view: RepositoryView, node: TreeNode): TreeModel | BlobModel {
  return node.type === "tree"
    ? { __typename: "Tree", view, path: node.path }
    : { __typename: "Blob", view, node };
}
