import type { Manifest } from '../../src/snapshot/manifest.js';

export function manifestFixture(): Manifest {
  return {
    schemaVersion: 1,
    tool: { name: 'partner-audit', version: '0.1.0' },
    runId: 'run-1',
    checklist: { id: 'smb-competency', version: '2025-08' },
    configHash: 'abc',
    startedAt: '2026-11-23T12:00:00.000Z',
    complete: false,
    accounts: [],
    totals: { requests: 0, retries: 0, throttles: 0, errors: 0 },
  };
}
