/**
 * A token bucket per client address for matchmaking requests (create, join by code): a phone
 * joins in one or two requests, but trying room codes in bulk runs dry after `burst` tries and
 * then gets `perSecond` more a second. Buckets of addresses that are full again are forgotten.
 */
export class JoinLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly burst: number,
    private readonly perSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  allow(address: string): boolean {
    const now = this.now();
    const b = this.buckets.get(address) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    if (this.buckets.size > 10_000) this.forgetFull(now);
    if (b.tokens < 1) {
      this.buckets.set(address, b);
      return false;
    }
    b.tokens -= 1;
    this.buckets.set(address, b);
    return true;
  }

  private forgetFull(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.perSecond >= this.burst) this.buckets.delete(key);
    }
  }
}
