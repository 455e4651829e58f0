import { GraphQLError } from "graphql";

/** GitHub's error `type` (NOT_FOUND, …) travels on the error and is put at top level on output. */
export class GitHubGraphQLError extends GraphQLError {
  constructor(
    message: string,
    readonly githubType: string,
  ) {
    super(message);
  }
}

export interface ConnectionArgs {
  first?: number | null;
  last?: number | null;
  after?: string | null;
  before?: string | null;
}

/** Anything that can hand out a range of items without materializing all of them. */
export interface Sliceable<T> {
  length: number;
  slice(start: number, end: number): T[];
}

/**
 * Items sorted only when a page is actually read: `{ totalCount }` selections (most of the batched
 * signals query) then cost a filter, not a sort.
 */
export function sortedLazily<T>(
  items: readonly T[],
  key: (item: T) => number,
  tieBreak: (item: T) => number,
  descending: boolean,
): Sliceable<T> {
  let sorted: T[] | undefined;
  const sign = descending ? -1 : 1;
  return {
    length: items.length,
    slice(start, end) {
      if (!sorted) {
        const keyed = items.map((item) => ({ item, k: key(item), t: tieBreak(item) }));
        keyed.sort((a, b) => (a.k - b.k) * sign || (a.t - b.t) * sign);
        sorted = keyed.map((entry) => entry.item);
      }
      return sorted.slice(start, end);
    },
  };
}

const PREFIX = "cursor:v2:";

export function encodeCursor(offset: number): string {
  return Buffer.from(`${PREFIX}${offset}`).toString("base64");
}

function decodeCursor(cursor: string): number {
  const text = Buffer.from(cursor, "base64").toString("utf8");
  const offset = text.startsWith(PREFIX) ? Number(text.slice(PREFIX.length)) : Number.NaN;
  if (!Number.isInteger(offset) || offset < 0) {
    throw new GitHubGraphQLError(
      `\`${cursor}\` does not appear to be a valid cursor.`,
      "INVALID_CURSOR_ARGUMENTS",
    );
  }
  return offset;
}

/**
 * A Relay connection over `source` with GitHub's semantics: `first`/`after` page forward,
 * `last`/`before` backward; cursors are opaque offsets. Nodes are built only when asked for, so a
 * `{ totalCount }`-only selection over thousands of commits costs nothing.
 */
export function connection<T, N>(
  source: Sliceable<T> | readonly T[],
  args: ConnectionArgs,
  toNode: (item: T) => N,
  extra: Record<string, unknown> = {},
) {
  const length = source.length;
  let start = 0;
  let end = length;
  if (args.after) start = Math.max(start, decodeCursor(args.after) + 1);
  if (args.before) end = Math.min(end, decodeCursor(args.before));
  if (args.first !== undefined && args.first !== null) {
    if (args.first < 0)
      throw new GitHubGraphQLError("`first` must be a non-negative integer.", "INVALID_ARGUMENTS");
    end = Math.min(end, start + args.first);
  }
  if (args.last !== undefined && args.last !== null) {
    if (args.last < 0)
      throw new GitHubGraphQLError("`last` must be a non-negative integer.", "INVALID_ARGUMENTS");
    start = Math.max(start, end - args.last);
  }
  end = Math.max(start, end);
  let items: N[] | undefined;
  const page = () => {
    items ??= source.slice(start, end).map(toNode);
    return items;
  };
  return {
    totalCount: length,
    get nodes() {
      return page();
    },
    get edges() {
      return page().map((node, k) => ({ cursor: encodeCursor(start + k), node }));
    },
    pageInfo: {
      startCursor: end > start ? encodeCursor(start) : null,
      endCursor: end > start ? encodeCursor(end - 1) : null,
      hasNextPage: end < length,
      hasPreviousPage: start > 0,
    },
    ...extra,
  };
}
