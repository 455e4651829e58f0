/**
 * GitHub's search syntax: free words (with quotes, OR and NOT), `key:value` qualifiers, `-key:value`
 * negations, and ranges such as `stars:>=100`, `stars:10..50`, `pushed:>2024-01-01`.
 */
export interface Range {
  min: number;
  max: number;
  minInclusive: boolean;
  maxInclusive: boolean;
}

export interface Qualifier {
  key: string;
  value: string;
  negated: boolean;
}

export interface ParsedQuery {
  /** Conjunction of clauses; each clause is a disjunction of terms (from `a OR b`). */
  text: { terms: string[]; negated: boolean }[];
  qualifiers: Qualifier[];
}

function tokenize(q: string): string[] {
  const tokens: string[] = [];
  const re = /(-?[A-Za-z_-]+:"[^"]*"|-?[A-Za-z_-]+:\S+|"[^"]*"|\S+)/g;
  for (const match of q.matchAll(re)) tokens.push(match[0]);
  return tokens;
}

const unquote = (text: string) => text.replace(/^"(.*)"$/, "$1");

export function parseQuery(q: string, knownQualifiers: ReadonlySet<string>): ParsedQuery {
  const parsed: ParsedQuery = { text: [], qualifiers: [] };
  const tokens = tokenize(q);
  let negateNext = false;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? "";
    const qualifier = /^(-?)([A-Za-z_-]+):(.*)$/.exec(token);
    if (qualifier && knownQualifiers.has((qualifier[2] ?? "").toLowerCase())) {
      parsed.qualifiers.push({
        key: (qualifier[2] ?? "").toLowerCase(),
        value: unquote(qualifier[3] ?? ""),
        negated: qualifier[1] === "-" || negateNext,
      });
      negateNext = false;
      continue;
    }
    if (token === "NOT") {
      negateNext = true;
      continue;
    }
    if (token === "AND") continue;
    if (token === "OR" && parsed.text.length > 0 && i + 1 < tokens.length) {
      const next = tokens[++i] ?? "";
      parsed.text.at(-1)?.terms.push(unquote(next).toLowerCase());
      continue;
    }
    const term = unquote(token).toLowerCase();
    if (term) parsed.text.push({ terms: [term], negated: negateNext });
    negateNext = false;
  }
  return parsed;
}

/** `>=10`, `>10`, `<10`, `<=10`, `10..20`, `10..*`, `*..20`, `10`; dates become epoch ms. */
export function parseRange(value: string, parse: (text: string) => number = Number): Range | null {
  const v = value.trim();
  const both = /^(.+)\.\.(.+)$/.exec(v);
  if (both) {
    const min = both[1] === "*" ? Number.NEGATIVE_INFINITY : parse(both[1] ?? "");
    const max = both[2] === "*" ? Number.POSITIVE_INFINITY : parse(both[2] ?? "");
    if (Number.isNaN(min) || Number.isNaN(max)) return null;
    return { min, max, minInclusive: true, maxInclusive: true };
  }
  const op = /^(>=|<=|>|<)?(.+)$/.exec(v);
  if (!op) return null;
  const n = parse(op[2] ?? "");
  if (Number.isNaN(n)) return null;
  switch (op[1]) {
    case ">":
      return { min: n, max: Number.POSITIVE_INFINITY, minInclusive: false, maxInclusive: true };
    case ">=":
      return { min: n, max: Number.POSITIVE_INFINITY, minInclusive: true, maxInclusive: true };
    case "<":
      return { min: Number.NEGATIVE_INFINITY, max: n, minInclusive: true, maxInclusive: false };
    case "<=":
      return { min: Number.NEGATIVE_INFINITY, max: n, minInclusive: true, maxInclusive: true };
    default:
      return { min: n, max: n, minInclusive: true, maxInclusive: true };
  }
}

export function inRange(range: Range, n: number): boolean {
  const aboveMin = range.minInclusive ? n >= range.min : n > range.min;
  const belowMax = range.maxInclusive ? n <= range.max : n < range.max;
  return aboveMin && belowMax;
}

/** A date qualifier value (YYYY-MM-DD or full ISO) as epoch ms; a bare day means the whole day. */
export function parseDateRange(value: string): Range | null {
  const range = parseRange(value, (text) => Date.parse(text));
  if (!range) return null;
  const dayOnly = /^(>=|<=|>|<)?\d{4}-\d{2}-\d{2}$/.test(value.trim());
  if (dayOnly && range.min === range.max) return { ...range, max: range.max + 86_399_999 };
  if (dayOnly && /^(>|<=)/.test(value.trim())) {
    // ">2024-01-01" means after that whole day; "<=2024-01-01" includes it.
    return value.startsWith(">")
      ? { ...range, min: range.min + 86_399_999 }
      : { ...range, max: range.max + 86_399_999 };
  }
  return range;
}
