// What the scan holds, apart from the headroom V8 grows on top of it: the old generation's size
// after each full collection, from V8's GCProfiler (an API, no flag). On a host with much memory
// V8 lets the old generation grow to about four times that before it collects again, so the peak
// RSS follows this figure (docs/performance.md).

import { GCProfiler, getHeapStatistics, type GCProfilerResult } from 'node:v8';

/** V8's old generation: the spaces a full collection's next limit is computed from. */
const OLD_GENERATION = new Set(['old_space', 'code_space', 'large_object_space', 'code_large_object_space']);

export interface LiveHeap {
  fullCollections: number;
  /** Old generation after the full collections, in MB; 0 when there were none. */
  medianMb: number;
  maxMb: number;
}

/** The old generation's bytes after each full (mark-compact) collection in a profiler result. */
export function oldGenerationAfterFullCollections(result: GCProfilerResult): number[] {
  return result.statistics
    .filter((gc) => gc.gcType === 'MarkSweepCompact')
    .map((gc) => gc.afterGC.heapSpaceStatistics.filter((space) => OLD_GENERATION.has(space.spaceName)).reduce((sum, space) => sum + space.spaceUsedSize, 0));
}

export function summarizeLiveHeap(bytes: readonly number[]): LiveHeap {
  const sorted = [...bytes].sort((a, b) => a - b);
  const mb = (n: number | undefined): number => (n ?? 0) / (1024 * 1024);
  return { fullCollections: sorted.length, medianMb: mb(sorted[Math.floor((sorted.length - 1) / 2)]), maxMb: mb(sorted.at(-1)) };
}

/** V8's heap size limit in MB: Node sizes it from the host's (or the container's) memory. */
export function heapLimitMb(): number {
  return getHeapStatistics().heap_size_limit / (1024 * 1024);
}

export interface LiveHeapWatch {
  /** The full collections since the last `take` (or the start), and starts a new phase. */
  take(): LiveHeap;
  stop(): void;
}

/**
 * The profiler keeps its records in a buffer outside V8's heap that grows with every collection
 * (several MB over a 1,000-account scan), which would add to the RSS it is read beside, so it is
 * emptied every second.
 */
const DRAIN_MS = 1_000;

export function watchLiveHeap(): LiveHeapWatch {
  const profiler = new GCProfiler();
  let phase: number[] = [];
  const drain = (): void => {
    const result = profiler.stop();
    profiler.start();
    phase.push(...oldGenerationAfterFullCollections(result));
  };
  profiler.start();
  const timer = setInterval(drain, DRAIN_MS).unref();
  return {
    take: () => {
      drain();
      const taken = summarizeLiveHeap(phase);
      phase = [];
      return taken;
    },
    stop: () => {
      clearInterval(timer);
      profiler.stop();
    },
  };
}
