import type { EmulatorUrls } from "../../server/context";
import { fakeSha, hashString, unitHash } from "../../world/random";
import type { RepositoryView } from "../../world/repository-view";
import type { WorldIndex } from "../../world/world-index";
import type { Issue, Pull } from "../../world/world-schema";
import { nodeId, simpleUser } from "./accounts";
import { minimalRepository } from "./repositories";

export function isPull(item: Issue | Pull): item is Pull {
  return "mergedAt" in item;
}

/** Issue and pull ids are unique across the world and stable for the same repository and number. */
export function issueId(view: RepositoryView, number: number): number {
  return view.repo.id * 10_000 + number;
}

function association(view: RepositoryView, login: string): string {
  if (login.toLowerCase() === view.repo.owner.toLowerCase()) return "OWNER";
  if (view.repo.contributors.slice(0, 5).some((c) => c.login === login)) return "MEMBER";
  if (view.repo.contributors.some((c) => c.login === login)) return "CONTRIBUTOR";
  return "NONE";
}

export function labelShape(urls: EmulatorUrls, view: RepositoryView, name: string) {
  const label = view.repo.labels.find((l) => l.name === name);
  const id = hashString(`${view.repo.id}:label:${name}`);
  return {
    id,
    node_id: nodeId("Label", id),
    url: `${urls.api}/repos/${view.fullName}/labels/${encodeURIComponent(name)}`,
    name,
    color: label?.color ?? "ededed",
    default: ["bug", "enhancement", "documentation", "question", "good first issue", "help wanted"].includes(
      name,
    ),
    description: label?.description ?? null,
  };
}

function user(urls: EmulatorUrls, index: WorldIndex, login: string) {
  return simpleUser(urls, index.account(login) ?? index.ensureUser(login));
}

const reactions = (url: string) => ({
  url,
  total_count: 0,
  "+1": 0,
  "-1": 0,
  laugh: 0,
  hooray: 0,
  confused: 0,
  heart: 0,
  rocket: 0,
  eyes: 0,
});

/** An issue as `/issues` lists it; pull requests appear too, marked by a `pull_request` key. */
export function issueShape(
  urls: EmulatorUrls,
  index: WorldIndex,
  view: RepositoryView,
  item: Issue | Pull,
  withRepository = false,
) {
  const api = `${urls.api}/repos/${view.fullName}/issues/${item.number}`;
  const pull = isPull(item);
  const id = issueId(view, item.number);
  return {
    url: api,
    repository_url: `${urls.api}/repos/${view.fullName}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: `${urls.server}/${view.fullName}/${pull ? "pull" : "issues"}/${item.number}`,
    id,
    node_id: nodeId(pull ? "PullRequest" : "Issue", id),
    number: item.number,
    title: item.title,
    user: user(urls, index, item.author),
    labels: item.labels.map((name) => labelShape(urls, view, name)),
    state: item.state,
    locked: pull ? false : item.locked,
    assignee: item.assignees[0] ? user(urls, index, item.assignees[0]) : null,
    assignees: item.assignees.map((login) => user(urls, index, login)),
    milestone: null,
    comments: item.comments,
    created_at: item.createdAt,
    updated_at: item.updatedAt,
    closed_at: item.closedAt,
    author_association: association(view, item.author),
    active_lock_reason: !pull && item.locked ? "resolved" : null,
    ...(pull
      ? {
          draft: item.draft,
          pull_request: {
            url: `${urls.api}/repos/${view.fullName}/pulls/${item.number}`,
            html_url: `${urls.server}/${view.fullName}/pull/${item.number}`,
            diff_url: `${urls.server}/${view.fullName}/pull/${item.number}.diff`,
            patch_url: `${urls.server}/${view.fullName}/pull/${item.number}.patch`,
            merged_at: item.mergedAt,
          },
        }
      : {}),
    body: item.body,
    reactions: reactions(`${api}/reactions`),
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
    state_reason: pull ? null : item.stateReason,
    ...(withRepository ? { repository: minimalRepository(urls, index, view) } : {}),
  };
}

/** `/pulls` items (pull-request-simple). */
export function pullShape(urls: EmulatorUrls, index: WorldIndex, view: RepositoryView, pull: Pull) {
  const api = `${urls.api}/repos/${view.fullName}/pulls/${pull.number}`;
  const html = `${urls.server}/${view.fullName}/pull/${pull.number}`;
  const id = issueId(view, pull.number);
  const head = fakeSha(`head:${view.repo.id}:${pull.number}`);
  const branch = (ref: string, sha: string) => ({
    label: `${view.repo.owner}:${ref}`,
    ref,
    sha,
    user: user(urls, index, view.repo.owner),
    repo: minimalRepository(urls, index, view),
  });
  return {
    url: api,
    id,
    node_id: nodeId("PullRequest", id),
    html_url: html,
    diff_url: `${html}.diff`,
    patch_url: `${html}.patch`,
    issue_url: `${urls.api}/repos/${view.fullName}/issues/${pull.number}`,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${urls.api}/repos/${view.fullName}/pulls/comments{/number}`,
    comments_url: `${urls.api}/repos/${view.fullName}/issues/${pull.number}/comments`,
    statuses_url: `${urls.api}/repos/${view.fullName}/statuses/${head}`,
    number: pull.number,
    state: pull.state,
    locked: false,
    title: pull.title,
    user: user(urls, index, pull.author),
    body: pull.body,
    labels: pull.labels.map((name) => labelShape(urls, view, name)),
    milestone: null,
    active_lock_reason: null,
    created_at: pull.createdAt,
    updated_at: pull.updatedAt,
    closed_at: pull.closedAt,
    merged_at: pull.mergedAt,
    merge_commit_sha: pull.mergedAt ? fakeSha(`merge:${view.repo.id}:${pull.number}`) : null,
    assignee: pull.assignees[0] ? user(urls, index, pull.assignees[0]) : null,
    assignees: pull.assignees.map((login) => user(urls, index, login)),
    requested_reviewers: [],
    requested_teams: [],
    head: branch(pull.headRef, head),
    base: branch(pull.baseRef, view.headSha ?? fakeSha(`base:${view.repo.id}`)),
    _links: {
      self: { href: api },
      html: { href: html },
      issue: { href: `${urls.api}/repos/${view.fullName}/issues/${pull.number}` },
      comments: { href: `${urls.api}/repos/${view.fullName}/issues/${pull.number}/comments` },
      review_comments: { href: `${api}/comments` },
      review_comment: { href: `${urls.api}/repos/${view.fullName}/pulls/comments{/number}` },
      commits: { href: `${api}/commits` },
      statuses: { href: `${urls.api}/repos/${view.fullName}/statuses/${head}` },
    },
    author_association: association(view, pull.author),
    auto_merge: null,
    draft: pull.draft,
  };
}

const COMMENT_LINES = [
  "Thanks for the report! Can you share a minimal reproduction?",
  "I can reproduce this on the latest release.",
  "+1, we hit the same problem in production.",
  "This should be fixed on main now, please try it.",
  "Would you be open to a pull request for this?",
  "Closing as this is answered; feel free to reopen.",
  "Any update on this?",
  "Looks like a duplicate of an older issue.",
];

/** Comment `k` of an issue, generated from the issue so it is the same on every request. */
export function commentShape(
  urls: EmulatorUrls,
  index: WorldIndex,
  view: RepositoryView,
  item: Issue | Pull,
  k: number,
) {
  const created = Date.parse(item.createdAt);
  const updated = Math.max(created, Date.parse(item.updatedAt));
  const time =
    created +
    ((k + unitHash(`${view.repo.id}:${item.number}:c${k}`)) / Math.max(1, item.comments)) *
      (updated - created);
  const people = [...view.repo.contributors.slice(0, 5).map((c) => c.login), item.author];
  const login = people[hashString(`${view.repo.id}:${item.number}:${k}`) % people.length] ?? item.author;
  const id = issueId(view, item.number) * 1000 + k;
  const at = new Date(Math.floor(time / 1000) * 1000).toISOString().replace(".000Z", "Z");
  return {
    url: `${urls.api}/repos/${view.fullName}/issues/comments/${id}`,
    html_url: `${urls.server}/${view.fullName}/issues/${item.number}#issuecomment-${id}`,
    issue_url: `${urls.api}/repos/${view.fullName}/issues/${item.number}`,
    id,
    node_id: nodeId("IssueComment", id),
    user: user(urls, index, login),
    created_at: at,
    updated_at: at,
    author_association: association(view, login),
    body: COMMENT_LINES[hashString(`${id}`) % COMMENT_LINES.length],
    reactions: reactions(`${urls.api}/repos/${view.fullName}/issues/comments/${id}/reactions`),
    performed_via_github_app: null,
  };
}
