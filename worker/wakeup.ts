/** Lets idle claim loops sleep until a timeout, a wake-up (NOTIFY, a local release) or a stop. */
export class Wakeup {
  private readonly waiters = new Set<() => void>();

  wake(): void {
    for (const resolve of this.waiters) resolve();
    this.waiters.clear();
  }

  wait(ms: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener("abort", done);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal.addEventListener("abort", done, { once: true });
      this.waiters.add(done);
    });
  }
}
