import { nodeId } from "../../rest/shapes/accounts";
import { commentShape, issueId } from "../../rest/shapes/issues";
import { parseTime } from "../../world/dates";
import type { Pull } from "../../world/world-schema";
import { type ConnectionArgs, connection } from "../connection";
import {
  accountModel,
  type GraphqlContext,
  type IssueModel,
  itemModel,
  type PullModel,
  repositoryModel,
} from "../models";
import { labelModel } from "./repository-resolvers";
import type { Resolvers } from "./resolver-types";

type ItemModel = IssueModel | PullModel;

const author = ({ item }: ItemModel, _a: unknown, g: GraphqlContext) =>
  accountModel(g.ctx.index.ensureUser(item.author));

function comments(model: ItemModel, g: GraphqlContext) {
  return Array.from({ length: model.item.comments }, (_, k) => {
    const c = commentShape(g.ctx.urls, g.ctx.index, model.view, model.item, k);
    return {
      __typename: "IssueComment",
      id: c.node_id,
      databaseId: c.id,
      body: c.body ?? "",
      bodyText: c.body ?? "",
      createdAt: c.created_at,
      updatedAt: c.updated_at,
      url: c.html_url,
      author: accountModel(g.ctx.index.ensureUser(c.user.login)),
    };
  });
}

/** Timeline of an issue: cross-references from linked pull requests, comments, and the close. */
function timeline(
  model: IssueModel,
  g: GraphqlContext,
  itemTypes: string[] | null | undefined,
  since: number | undefined,
) {
  const { view, item } = model;
  const maintainer = accountModel(
    g.ctx.index.ensureUser(view.repo.contributors[0]?.login ?? view.repo.owner),
  );
  const events: { at: string; type: string; node: Record<string, unknown> }[] = [];
  const linked = item.linkedPullRequests
    .map((n) => view.byNumber(n))
    .filter((p): p is Pull => p !== undefined && "mergedAt" in p);
  for (const pull of linked) {
    events.push({
      at: pull.createdAt,
      type: "CROSS_REFERENCED_EVENT",
      node: {
        __typename: "CrossReferencedEvent",
        id: nodeId("CrossReferencedEvent", issueId(view, pull.number)),
        actor: accountModel(g.ctx.index.ensureUser(pull.author)),
        createdAt: pull.createdAt,
        referencedAt: pull.createdAt,
        isCrossRepository: false,
        willCloseTarget: true,
        source: itemModel(view, pull),
        target: model,
        url: `${g.ctx.urls.server}/${view.fullName}/pull/${pull.number}`,
      },
    });
  }
  for (const comment of comments(model, g))
    events.push({ at: comment.createdAt, type: "ISSUE_COMMENT", node: comment });
  if (item.closedAt) {
    const closer = linked.find((p) => p.mergedAt);
    events.push({
      at: item.closedAt,
      type: "CLOSED_EVENT",
      node: {
        __typename: "ClosedEvent",
        id: nodeId("ClosedEvent", issueId(view, item.number)),
        actor: maintainer,
        closer: closer ? itemModel(view, closer) : null,
        createdAt: item.closedAt,
        stateReason: item.stateReason?.toUpperCase() ?? null,
        url: `${g.ctx.urls.server}/${view.fullName}/issues/${item.number}`,
      },
    });
  }
  return events
    .filter(
      (e) => (!itemTypes || itemTypes.includes(e.type)) && (since === undefined || Date.parse(e.at) >= since),
    )
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

const shared = {
  id: (m: ItemModel) => nodeId(m.__typename, issueId(m.view, m.item.number)),
  databaseId: (m: ItemModel) => issueId(m.view, m.item.number),
  number: (m: ItemModel) => m.item.number,
  title: (m: ItemModel) => m.item.title,
  body: (m: ItemModel) => m.item.body ?? "",
  bodyText: (m: ItemModel) => (m.item.body ?? "").replace(/[#*`>_]/g, ""),
  closed: (m: ItemModel) => m.item.state === "closed",
  closedAt: (m: ItemModel) => m.item.closedAt,
  createdAt: (m: ItemModel) => m.item.createdAt,
  updatedAt: (m: ItemModel) => m.item.updatedAt,
  author,
  repository: (m: ItemModel) => repositoryModel(m.view),
  assignees: (m: ItemModel, args: ConnectionArgs, g: GraphqlContext) =>
    connection(m.item.assignees, args, (login) => accountModel(g.ctx.index.ensureUser(login))),
  labels: (m: ItemModel, args: ConnectionArgs, g: GraphqlContext) =>
    connection(m.item.labels, args, (name) => labelModel(g, m.view, name)),
  comments: (m: ItemModel, args: ConnectionArgs, g: GraphqlContext) =>
    connection(comments(m, g), args, (c) => c),
};

export const issueResolvers: Resolvers = {
  Issue: {
    ...shared,
    url: (m: IssueModel, _a: unknown, g: GraphqlContext) =>
      `${g.ctx.urls.server}/${m.view.fullName}/issues/${m.item.number}`,
    state: (m: IssueModel) => m.item.state.toUpperCase(),
    stateReason: (m: IssueModel) => m.item.stateReason?.toUpperCase() ?? null,
    locked: (m: IssueModel) => m.item.locked,
    timelineItems: (
      m: IssueModel,
      args: ConnectionArgs & { itemTypes?: string[] | null; since?: string | null },
      g: GraphqlContext,
    ) => {
      const since = args.since ? parseTime(args.since) : undefined;
      const all = timeline(m, g, null, undefined);
      const filtered = timeline(m, g, args.itemTypes, Number.isNaN(since) ? undefined : since);
      const page = connection(filtered, args, (e) => e.node, {
        filteredCount: filtered.length,
        updatedAt: m.item.updatedAt,
      });
      // totalCount counts every item; filteredCount those matching itemTypes/since, as on GitHub.
      return Object.defineProperties(page, {
        totalCount: { value: all.length },
        pageCount: { get: () => page.nodes.length },
      });
    },
  },
  PullRequest: {
    ...shared,
    url: (m: PullModel, _a: unknown, g: GraphqlContext) =>
      `${g.ctx.urls.server}/${m.view.fullName}/pull/${m.item.number}`,
    state: (m: PullModel) => (m.item.mergedAt ? "MERGED" : m.item.state.toUpperCase()),
    locked: () => false,
    merged: (m: PullModel) => m.item.mergedAt !== null,
    mergedAt: (m: PullModel) => m.item.mergedAt,
    isDraft: (m: PullModel) => m.item.draft,
    baseRefName: (m: PullModel) => m.item.baseRef,
    headRefName: (m: PullModel) => m.item.headRef,
    additions: (m: PullModel) => m.item.additions,
    deletions: (m: PullModel) => m.item.deletions,
    changedFiles: (m: PullModel) => m.item.changedFiles,
  },
};
