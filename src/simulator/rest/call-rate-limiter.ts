/** New calls per account in any one-second window; over the limit, Twilio answers 429 (20429). */
export class CallRateLimiter {
  private readonly recentStarts = new Map<string, number[]>();

  constructor(
    private readonly callsPerSecond: number,
    private readonly now: () => number = Date.now,
  ) {}

  tryAcquire(accountSid: string): boolean {
    const now = this.now();
    const recent = (this.recentStarts.get(accountSid) ?? []).filter((at) => now - at < 1000);
    const allowed = recent.length < this.callsPerSecond;
    if (allowed) recent.push(now);
    this.recentStarts.set(accountSid, recent);
    return allowed;
  }
}
