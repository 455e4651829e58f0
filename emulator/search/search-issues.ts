import { languageProfile } from "../world/languages";
import type { RepositoryView } from "../world/repository-view";
import type { WorldIndex } from "../world/world-index";
import type { Issue, Pull } from "../world/world-schema";
import { inRange, parseDateRange, parseQuery, parseRange, type Qualifier } from "./parse-query";

const QUALIFIERS = new Set([
  "repo",
  "user",
  "org",
  "is",
  "type",
  "state",
  "label",
  "no",
  "author",
  "assignee",
  "created",
  "updated",
  "closed",
  "merged",
  "comments",
  "in",
  "language",
  "archived",
]);

export interface IssueHit {
  view: RepositoryView;
  item: Issue | Pull;
}

export type IssueSearchResult = { ok: true; hits: IssueHit[] } | { ok: false; message: string };

const isPull = (item: Issue | Pull): item is Pull => "mergedAt" in item;

function matches(view: RepositoryView, item: Issue | Pull, q: Qualifier): boolean | string {
  const v = q.value.toLowerCase();
  const date = (text: string | null) => {
    const range = parseDateRange(q.value);
    if (!range) return `invalid ${q.key} date "${q.value}"`;
    return text !== null && inRange(range, Date.parse(text));
  };
  switch (q.key) {
    case "repo":
      return view.fullName.toLowerCase() === v;
    case "user":
    case "org":
      return view.repo.owner.toLowerCase() === v;
    case "is":
    case "type":
      if (v === "issue") return !isPull(item);
      if (v === "pr" || v === "pull-request") return isPull(item);
      if (v === "open" || v === "closed") return item.state === v;
      if (v === "merged") return isPull(item) && item.mergedAt !== null;
      if (v === "unmerged") return isPull(item) && item.state === "closed" && item.mergedAt === null;
      if (v === "public") return true;
      if (v === "locked") return !isPull(item) && item.locked;
      return `unknown ${q.key}: value "${q.value}"`;
    case "state":
      return item.state === v;
    case "label":
      return v.split(",").some((label) => item.labels.some((l) => l.toLowerCase() === label));
    case "no":
      if (v === "label") return item.labels.length === 0;
      if (v === "assignee") return item.assignees.length === 0;
      return v === "milestone" || v === "project";
    case "author":
      return item.author.toLowerCase() === v;
    case "assignee":
      return item.assignees.some((a) => a.toLowerCase() === v);
    case "created":
      return date(item.createdAt);
    case "updated":
      return date(item.updatedAt);
    case "closed":
      return date(item.closedAt);
    case "merged":
      return isPull(item) ? date(item.mergedAt) : false;
    case "comments": {
      const range = parseRange(v);
      return range ? inRange(range, item.comments) : `invalid comments range "${q.value}"`;
    }
    case "language":
      return (view.repo.language ?? "").toLowerCase() === (languageProfile(v)?.name.toLowerCase() ?? v);
    case "archived":
      return String(view.repo.archived) === v;
    default:
      return true;
  }
}

/** Issue and pull request search; `repo:`, `user:` and `org:` narrow the repositories first. */
export function searchIssues(
  index: WorldIndex,
  q: string,
  sort: string | null,
  order: string | null,
): IssueSearchResult {
  const parsed = parseQuery(q, QUALIFIERS);
  const inQualifier = parsed.qualifiers
    .find((x) => x.key === "in")
    ?.value.toLowerCase()
    .split(",") ?? ["title", "body"];
  const repoQualifier = parsed.qualifiers.find((x) => x.key === "repo" && !x.negated);
  const views = repoQualifier
    ? [index.repository(...((repoQualifier.value.split("/") as [string, string]) ?? ["", ""]))].filter(
        (v): v is RepositoryView => v !== undefined,
      )
    : index.views;
  const filters = parsed.qualifiers.filter((x) => x.key !== "in");
  const hits: IssueHit[] = [];
  for (const view of views) {
    for (const item of [...view.repo.issues, ...view.repo.pulls]) {
      let keep = true;
      for (const filter of filters) {
        const result = matches(view, item, filter);
        if (typeof result === "string") return { ok: false, message: result };
        if (result === filter.negated) {
          keep = false;
          break;
        }
      }
      if (!keep) continue;
      const text =
        `${inQualifier.includes("title") ? item.title : ""}\n${inQualifier.includes("body") ? (item.body ?? "") : ""}`.toLowerCase();
      if (parsed.text.every((clause) => clause.terms.some((term) => text.includes(term)) !== clause.negated))
        hits.push({ view, item });
    }
  }
  const sign = order === "asc" ? 1 : -1;
  const key = (h: IssueHit) =>
    sort === "comments"
      ? h.item.comments
      : sort === "updated"
        ? Date.parse(h.item.updatedAt)
        : Date.parse(h.item.createdAt);
  hits.sort(
    (a, b) => (key(a) - key(b)) * sign || a.view.repo.id - b.view.repo.id || a.item.number - b.item.number,
  );
  return { ok: true, hits };
}
