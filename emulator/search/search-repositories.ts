import { languageProfile } from "../world/languages";
import type { RepositoryView } from "../world/repository-view";
import type { WorldIndex } from "../world/world-index";
import { inRange, parseDateRange, parseQuery, parseRange, type Qualifier } from "./parse-query";

const QUALIFIERS = new Set([
  "language",
  "stars",
  "forks",
  "topic",
  "topics",
  "fork",
  "archived",
  "is",
  "user",
  "org",
  "repo",
  "in",
  "size",
  "created",
  "pushed",
  "license",
  "mirror",
  "template",
  "followers",
  "good-first-issues",
  "help-wanted-issues",
]);

export interface RepositoryHit {
  view: RepositoryView;
  score: number;
}

export type SearchResult =
  | { ok: true; hits: RepositoryHit[] }
  | { ok: false; message: string; field?: string };

type Field = "name" | "description" | "topics" | "readme";

const fieldCache = new WeakMap<RepositoryView, Partial<Record<Field, string>>>();

/** Lower-cased searchable text, cached per repository (READMEs are read on every search). */
function fieldText(view: RepositoryView, field: Field): string {
  let cached = fieldCache.get(view);
  if (!cached) {
    cached = {};
    fieldCache.set(view, cached);
  }
  const hit = cached[field];
  if (hit !== undefined) return hit;
  const r = view.repo;
  const text =
    field === "name"
      ? `${r.name} ${view.fullName}`.toLowerCase().replace(/[-_.]/g, " ")
      : field === "description"
        ? (r.description ?? "").toLowerCase()
        : field === "topics"
          ? r.topics.join(" ").toLowerCase().replace(/-/g, " ")
          : (view.readme()?.content ?? "").toLowerCase();
  cached[field] = text;
  return text;
}

/** Matches a word at a word boundary, so "learn" finds "learning" but "earn" does not. */
function termMatches(text: string, term: string): boolean {
  const words = term.replace(/-/g, " ");
  let from = 0;
  for (;;) {
    const at = text.indexOf(words, from);
    if (at < 0) return false;
    if (at === 0 || !/[a-z0-9]/.test(text[at - 1] ?? "")) return true;
    from = at + 1;
  }
}

const FIELD_WEIGHT: Record<Field, number> = { name: 10, topics: 4, description: 3, readme: 1 };

function qualifierMatches(view: RepositoryView, q: Qualifier): boolean | string {
  const r = view.repo;
  const value = q.value.toLowerCase();
  const range = (n: number) => {
    const parsed = parseRange(value);
    return parsed ? inRange(parsed, n) : `invalid ${q.key} range "${q.value}"`;
  };
  switch (q.key) {
    case "language": {
      const profile = languageProfile(value);
      const wanted = profile?.name.toLowerCase() ?? value;
      return (r.language ?? "").toLowerCase() === wanted;
    }
    case "stars":
      return range(r.stars);
    case "forks":
      return range(r.forks);
    case "size":
      return range(Math.ceil(Object.values(r.languages).reduce((a, b) => a + b, 0) / 1024));
    case "topics":
      return range(r.topics.length);
    case "followers":
      return range(0);
    case "good-first-issues":
      return range(
        r.issues.filter(
          (i) => i.state === "open" && i.labels.some((l) => /good first issue|e-easy|beginner/i.test(l)),
        ).length,
      );
    case "help-wanted-issues":
      return range(
        r.issues.filter((i) => i.state === "open" && i.labels.some((l) => /help.?wanted/i.test(l))).length,
      );
    case "topic":
      return r.topics.some((t) => t.toLowerCase() === value);
    case "user":
    case "org":
      return r.owner.toLowerCase() === value;
    case "repo":
      return view.fullName.toLowerCase() === value;
    case "archived":
      return String(r.archived) === value;
    case "mirror":
      return String(r.mirrorUrl !== null) === value;
    case "template":
      return String(r.template) === value;
    case "license":
      return (r.license ?? "").toLowerCase() === value;
    case "is":
      if (value === "public") return true;
      if (value === "private" || value === "internal") return false;
      if (value === "archived") return r.archived;
      if (value === "fork") return r.fork;
      if (value === "mirror") return r.mirrorUrl !== null;
      if (value === "template") return r.template;
      return `unknown is: value "${q.value}"`;
    case "created":
    case "pushed": {
      const parsed = parseDateRange(q.value);
      if (!parsed) return `invalid ${q.key} date "${q.value}"`;
      const at = Date.parse((q.key === "created" ? r.createdAt : r.pushedAt) ?? "");
      return Number.isFinite(at) && inRange(parsed, at);
    }
    default:
      return true;
  }
}

/**
 * Runs a repository search over the world. Forks are left out unless `fork:true` or `fork:only`
 * asks for them, as on GitHub; free words must all match in the `in:` fields (by default name,
 * description, topics and README).
 */
export function searchRepositories(
  index: WorldIndex,
  q: string,
  sort: string | null,
  order: string | null,
): SearchResult {
  const parsed = parseQuery(q, QUALIFIERS);
  const inQualifier = parsed.qualifiers.find((x) => x.key === "in");
  const fields = (
    inQualifier ? inQualifier.value.toLowerCase().split(",") : ["name", "description", "topics", "readme"]
  ).filter((f): f is Field => f === "name" || f === "description" || f === "topics" || f === "readme");
  const forkMode = parsed.qualifiers.find((x) => x.key === "fork")?.value.toLowerCase() ?? "false";
  const filters = parsed.qualifiers.filter((x) => x.key !== "in" && x.key !== "fork");
  const hits: RepositoryHit[] = [];
  for (const view of index.views) {
    if (forkMode === "only" ? !view.repo.fork : forkMode !== "true" && view.repo.fork) continue;
    let keep = true;
    for (const qualifier of filters) {
      const result = qualifierMatches(view, qualifier);
      if (typeof result === "string") return { ok: false, message: result, field: "q" };
      if (result === qualifier.negated) {
        keep = false;
        break;
      }
    }
    if (!keep) continue;
    let score = 0;
    for (const clause of parsed.text) {
      let clauseScore = 0;
      for (const term of clause.terms) {
        for (const field of fields)
          if (termMatches(fieldText(view, field), term)) clauseScore += FIELD_WEIGHT[field];
      }
      if (clauseScore > 0 === clause.negated) {
        keep = false;
        break;
      }
      score += clauseScore;
    }
    if (!keep) continue;
    hits.push({ view, score: score + Math.log10(view.repo.stars + 1) });
  }
  const direction = order?.toLowerCase() === "asc" ? 1 : -1;
  const key: (hit: RepositoryHit) => number =
    sort === "stars"
      ? (h) => h.view.repo.stars
      : sort === "forks"
        ? (h) => h.view.repo.forks
        : sort === "updated"
          ? (h) => Date.parse(h.view.repo.updatedAt)
          : sort === "help-wanted-issues"
            ? (h) =>
                h.view.repo.issues.filter(
                  (i) => i.state === "open" && i.labels.some((l) => /help.?wanted/i.test(l)),
                ).length
            : (h) => h.score;
  // Ties break by id so paging through results never repeats or skips a repository.
  hits.sort((a, b) => (key(a) - key(b)) * (sort ? direction : -1) || a.view.repo.id - b.view.repo.id);
  return { ok: true, hits };
}
