/**
 * A value loaded on first use and reloaded when older than `ttlMs` (directory snapshots, calendar
 * overrides): callers share one load in flight, and a failed load is forgotten, not cached.
 */
export class Refreshing<T> {
  private cached?: { at: number; value: Promise<T> };

  constructor(
    private readonly ttlMs: number,
    private readonly load: () => Promise<T>,
  ) {}

  get(): Promise<T> {
    if (!this.cached || Date.now() - this.cached.at > this.ttlMs) {
      const value = this.load();
      this.cached = { at: Date.now(), value };
      value.catch(() => (this.cached = undefined));
    }
    return this.cached.value;
  }

  invalidate(): void {
    this.cached = undefined;
  }
}
