import { runInNewContext } from 'node:vm';
import { setFlagsFromString, type GCProfilerResult } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { oldGenerationAfterFullCollections, summarizeLiveHeap, watchLiveHeap } from '../../bench/live-heap.js';

const MB = 1024 * 1024;

function space(spaceName: string, spaceUsedSize: number): GCProfilerResult['statistics'][number]['afterGC']['heapSpaceStatistics'][number] {
  return { spaceName, spaceSize: 0, spaceUsedSize, spaceAvailableSize: 0, physicalSpaceSize: 0 };
}

function collection(gcType: string, spaces: Record<string, number>): GCProfilerResult['statistics'][number] {
  const stats = { heapStatistics: {} as never, heapSpaceStatistics: Object.entries(spaces).map(([name, used]) => space(name, used)) };
  return { gcType, cost: 1, beforeGC: stats, afterGC: stats };
}

describe('live heap', () => {
  it('sums the old generation after each full collection and skips the scavenges', () => {
    const result: GCProfilerResult = {
      version: 1,
      startTime: 0,
      endTime: 1,
      statistics: [
        collection('Scavenge', { new_space: 9 * MB, old_space: 40 * MB }),
        collection('MarkSweepCompact', { new_space: 2 * MB, old_space: 30 * MB, code_space: 4 * MB, large_object_space: 1 * MB, code_large_object_space: 0 }),
        collection('IncrementalMarking', { old_space: 99 * MB }),
        collection('MarkSweepCompact', { new_space: 1 * MB, old_space: 20 * MB, code_space: 2 * MB, read_only_space: 5 * MB }),
      ],
    };
    expect(oldGenerationAfterFullCollections(result)).toEqual([35 * MB, 22 * MB]);
  });

  it('gives the median and the largest, and zeros when nothing was collected', () => {
    expect(summarizeLiveHeap([30 * MB, 10 * MB, 20 * MB, 50 * MB])).toEqual({ fullCollections: 4, medianMb: 20, maxMb: 50 });
    expect(summarizeLiveHeap([])).toEqual({ fullCollections: 0, medianMb: 0, maxMb: 0 });
  });

  it('counts the full collections of each phase apart', () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const watch = watchLiveHeap();
    try {
      gc();
      gc();
      const first = watch.take();
      gc();
      const second = watch.take();
      expect(first.fullCollections).toBe(2);
      expect(second.fullCollections).toBe(1);
      expect(second.maxMb).toBeGreaterThan(1);
      expect(watch.take().fullCollections).toBe(0);
    } finally {
      watch.stop();
    }
  });
});
