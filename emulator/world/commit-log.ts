import { WEEK_MS } from "./dates";
import { unitHash } from "./random";

/**
 * A repository's default-branch history, expanded on demand from weekly counts. Commit `i` (0 =
 * newest) has a time that is a pure function of the repository key and its position, so counts
 * since a date, REST pages and GraphQL `history` always agree, without storing every commit.
 */
export class CommitLog {
  readonly total: number;
  /** newerThan[w] = commits in weeks newer than week w. */
  private readonly newerThan: number[];

  constructor(
    private readonly key: string,
    private readonly weekly: readonly number[],
    private readonly anchor: number,
  ) {
    this.newerThan = new Array<number>(weekly.length + 1);
    let sum = 0;
    for (let w = 0; w < weekly.length; w++) {
      this.newerThan[w] = sum;
      sum += weekly[w] ?? 0;
    }
    this.newerThan[weekly.length] = sum;
    this.total = sum;
  }

  private weekOf(index: number): number {
    let lo = 0;
    let hi = this.weekly.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.newerThan[mid] ?? 0) <= index) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  /** Epoch ms of commit `index` (0 = newest), whole seconds. Strictly older as the index grows. */
  timeOf(index: number): number {
    const week = this.weekOf(index);
    const inWeek = this.weekly[week] ?? 1;
    const position = index - (this.newerThan[week] ?? 0);
    const jitter = 0.01 + 0.98 * unitHash(`${this.key}:${week}:${position}`);
    const offset = ((position + jitter) / inWeek) * WEEK_MS;
    return Math.floor((this.anchor - week * WEEK_MS - offset) / 1000) * 1000;
  }

  /** First index whose commit is at or before `time`. */
  private firstAtOrBefore(time: number): number {
    let lo = 0;
    let hi = this.total;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.timeOf(mid) <= time) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Newest-first index range [start, end) of commits with since <= time <= until. */
  range(since?: number, until?: number): [number, number] {
    const start = until === undefined ? 0 : this.firstAtOrBefore(until);
    const end = since === undefined ? this.total : this.firstAtOrBefore(since - 1);
    return [start, Math.max(start, end)];
  }

  count(since?: number, until?: number): number {
    const [start, end] = this.range(since, until);
    return end - start;
  }
}
