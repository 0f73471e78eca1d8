// The per-service cap of one account+region+service. A scan holds one per binding at work (about
// 5,000 with 32 accounts in progress), and a p-limit instance is about 1.3 KB of closures and
// property accessors: 6 MB of a collection's live heap, which V8 lets grow fourfold before it
// collects (docs/performance.md). This keeps a counter and, only while requests wait, a queue.

export class SlotCap {
  private active = 0;
  private waiting: Array<() => void> | undefined;

  constructor(private readonly max: number) {}

  /** Runs `fn` once fewer than `max` of this cap's runs are in progress, in the order asked. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.active < this.max) this.active += 1;
    // A finishing run hands its slot straight to the first waiter (release), so the count stays exact.
    else await new Promise<void>((resume) => (this.waiting ??= []).push(resume));
    try {
      return await fn();
    } finally {
      this.release();
    }
  }

  private release(): void {
    const next = this.waiting?.shift();
    if (next) next();
    else this.active -= 1;
    if (this.waiting?.length === 0) this.waiting = undefined;
  }
}
