/**
 * How repository figures read on screen. Fixed formats (en-US digits, UTC times) so the server's
 * render and the browser's hydration always agree.
 */

const numbers = new Intl.NumberFormat("en-US");

export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : numbers.format(value);
}

/** A 0..1 score as a whole percentage; "—" when it could not be measured. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${Math.round(value * 100)}%`;
}

/** `2026-03-04 17:05 UTC` */
export function formatDateTime(value: string | Date | null | undefined): string {
  if (!value) return "—";
  const iso = (typeof value === "string" ? new Date(value) : value).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;
}

export function formatDate(value: string | Date | null | undefined): string {
  if (!value) return "—";
  return (typeof value === "string" ? new Date(value) : value).toISOString().slice(0, 10);
}

const domainLabels: Record<string, string> = {
  ai_ml: "AI / ML",
  web_dev: "Web",
  data_science: "Data science",
  cloud_devops: "Cloud / DevOps",
  mobile: "Mobile",
  security: "Security",
  games: "Games",
  overall: "Overall",
};

export function domainLabel(domain: string | null | undefined): string {
  if (!domain) return "—";
  return domainLabels[domain] ?? domain;
}

// Factor names whose words are acronyms or names; the rest read fine sentence-cased.
const factorLabels: Record<string, string> = {
  ci: "CI",
  pr_merge: "PR merges",
  pagerank: "PageRank",
};

/** `commit_activity` → `Commit activity`, `ci` → `CI` */
export function factorLabel(name: string): string {
  const known = factorLabels[name];
  if (known) return known;
  const words = name.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
