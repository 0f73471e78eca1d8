// Reporters read results only: never SDK types, never credentials.

import type { Checklist } from '../contract/checklists/types.js';
import type { FindingSource, ResultsHead } from '../contract/results.js';
import type { Severity } from '../contract/status.js';
import type { RenderRecord } from '../bundle/render-record.js';
import type { JudgedManifest } from '../snapshot/manifest.js';
import type { ReportView } from './view.js';

export interface CheckSummary {
  id: string;
  title: string;
  description: string;
  requirementIds: string[];
  severity: Severity;
  remediation: string;
  docsUrl: string;
  actions: string[];
}

export interface ReportInput {
  /** Everything but the findings; those stream from `findings`, read once per pass a reporter needs. */
  results: ResultsHead;
  findings: FindingSource;
  manifest: JudgedManifest;
  checklist: Checklist;
  checks: CheckSummary[];
  /** A previous run's results, for "what changed". */
  baseline?: ResultsHead;
  /** Set when `partner-audit report` renders again: where from, and whether that matched the sealed evidence. */
  rerender?: RenderRecord;
  /** What the reports list when narrowed (results.json is never narrowed); its note says so. */
  view?: ReportView;
  /** The other checklists the same scan judged, with their folder relative to this report's. */
  otherChecklists?: OtherChecklist[];
}

export interface OtherChecklist {
  id: string;
  /** e.g. `checklists/ftr-partner-hosted`, or `../..` for the primary; reports append their file name. */
  folder: string;
}

export interface Reporter {
  /** The `--format` name. */
  format: string;
  /** File written into the run directory. */
  fileName: string;
  render(input: ReportInput): Promise<string | Uint8Array>;
}

/** A reporter that writes its file itself, streaming, instead of returning the content. */
export interface FileReporter extends Reporter {
  /** Writes the report to `path`; returns the byte count. */
  write(input: ReportInput, path: string): Promise<number>;
}

export function isFileReporter(reporter: Reporter): reporter is FileReporter {
  return typeof (reporter as Partial<FileReporter>).write === 'function';
}
