// Notes every human-readable report shows above its results: why a scan is incomplete, and when the
// reports were rendered again, from what, and whether that still matched the run's SHA256SUMS.

import type { RenderRecord } from '../bundle/render-record.js';
import type { JudgedManifest } from '../snapshot/manifest.js';
import { formatTime } from './html/format.js';

/** Why the run is incomplete, or undefined when it is complete. */
export function incompleteNote(manifest: JudgedManifest): string | undefined {
  if (manifest.complete) return undefined;
  if (manifest.accounts.some((a) => a.stoppedBy === 'deadline')) {
    return 'the scan reached its --deadline; the accounts it cut short are PARTIAL ("deadline reached") and scan --resume finishes them.';
  }
  return 'the run was interrupted or is still running; results cover only what finished.';
}

export interface RerenderNote {
  /** Starts "Re-rendered from modified results" when the evidence did not match SHA256SUMS. */
  headline: string;
  /** The hashes: each differing file (now and as sealed), and each input rendered from. */
  details: string[];
}

export function rerenderNote(record: RenderRecord): RerenderNote {
  const when = formatTime(record.renderedAt);
  const inputs = Object.entries(record.inputs).map(([file, hash]) => `${file} sha256:${hash}`);
  if (record.source === 'sealed') {
    return { headline: `Re-rendered on ${when} from the sealed evidence (it matched SHA256SUMS).`, details: [`Rendered from ${inputs.join(', ')}.`] };
  }
  const differences = record.evidence.differences.map((d) => {
    const now = d.current ? `sha256:${d.current}` : 'absent';
    const sealed = d.sealed ? `sha256:${d.sealed}` : 'not listed';
    return `${d.file} ${d.change}: now ${now}, SHA256SUMS lists ${sealed}.`;
  });
  const unsealed = record.evidence.checksums === null ? ['The run had no SHA256SUMS.'] : [];
  const signature = /^invalid/.test(record.evidence.signature) ? [`Signature: ${record.evidence.signature}.`] : [];
  return {
    headline: `Re-rendered from modified results on ${when}: the evidence no longer matches the run's SHA256SUMS, so these reports are not the sealed ones.`,
    details: [...unsealed, ...differences, ...signature, `Rendered from ${inputs.join(', ')}.`],
  };
}
