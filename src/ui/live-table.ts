/**
 * The one place a table's session lives in the shell: the workshop sets it when a game starts
 * and clears it when the game stops; every screen that shows the table (the console, the debrief
 * tools, the router) reads it here or subscribes to it, instead of keeping its own copy.
 */
export class LiveTable<T> {
  private value: T | null = null;
  private readonly listeners = new Set<(value: T | null) => void>();

  get current(): T | null {
    return this.value;
  }

  set(value: T | null): void {
    if (value === this.value) return;
    this.value = value;
    for (const fn of [...this.listeners]) fn(value);
  }

  /** Hears every change from now on; returns the way to stop hearing. */
  subscribe(fn: (value: T | null) => void): () => void {
    this.listeners.add(fn);
    return () => {
      this.listeners.delete(fn);
    };
  }
}
