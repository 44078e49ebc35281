import { records } from './outreach-activities';

// The audit log and the status mirror, written beside the process rather than in its way: each
// write starts at once and the process goes on; only a continue-as-new or the end of the run
// waits for all of them. Their order does not matter: every audit event has its own key, and the
// mirror writes one snapshot at a time, always the latest.

export class AuditTrail {
  private readonly inFlight = new Set<Promise<void>>();
  private failure: { error: unknown } | undefined;

  constructor(
    private readonly ids: { workflowId: string; campaignId: string },
    private readonly state: { auditSeq: number; campaignVersion: number },
  ) {}

  /**
   * Appends to the audit log under the next sequence number of this workflow, dated in the
   * workflow's time: when it happened (`occurredAt`, epoch ms; now unless the event began earlier).
   */
  audit(type: string, data: Record<string, unknown>, occurredAt: number = Date.now()): void {
    const seq = ++this.state.auditSeq;
    const { workflowId, campaignId } = this.ids;
    this.track(records.recordAudit({ eventKey: `${workflowId}#${seq}`, workflowId, campaignId, campaignVersion: this.state.campaignVersion, type, data, occurredAt }));
  }

  /** Follows a write nobody waits for; a write that failed for good surfaces at the next `check`. */
  track(write: Promise<unknown>): void {
    const tracked: Promise<void> = write.then(
      () => void this.inFlight.delete(tracked),
      (error: unknown) => {
        this.failure ??= { error };
        this.inFlight.delete(tracked);
      },
    );
    this.inFlight.add(tracked);
  }

  /** A record that could not be written after its retries stops the workflow, as an awaited one would. */
  check(): void {
    if (this.failure) throw this.failure.error;
  }

  async flush(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    this.check();
  }
}

/** The status mirror (what lists and dashboards read): written when it changed, one write at a time. */
export class StatusMirror<Snapshot> {
  private wanted = '';
  private writing = false;

  /** `written`: what is known to be stored already (the import's row), so it is not written again. */
  constructor(
    private readonly trail: AuditTrail,
    private readonly save: (snapshot: Snapshot) => Promise<void>,
    private written = '',
  ) {}

  update(snapshot: Snapshot): void {
    this.wanted = JSON.stringify(snapshot);
    if (this.writing || this.wanted === this.written) return;
    this.writing = true;
    this.trail.track(this.drain());
  }

  private async drain(): Promise<void> {
    try {
      while (this.wanted !== this.written) {
        const next = this.wanted;
        await this.save(JSON.parse(next) as Snapshot);
        this.written = next;
      }
    } finally {
      this.writing = false;
    }
  }
}
