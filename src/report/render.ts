// Rendering reports into a directory: the run directory (scan) or a re-render folder (report). Sealing
// what was written (SHA256SUMS, a signature) is the caller's step.

import { rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { FindingSource } from '../contract/results.js';
import { UsageError } from '../errors.js';
import { isChunked } from './chunked.js';
import { redact, type RedactOptions } from '../snapshot/redact.js';
import { writeChunks } from '../snapshot/chunk-writer.js';
import { selectReporters } from './registry.js';
import { jsonReporter } from './json.js';
import { isFileReporter, type ReportInput, type Reporter } from './types.js';
import { applyView } from './view.js';

export interface RenderedReport {
  format: string;
  fileName: string;
  bytes: number;
  ms: number;
}

export interface RenderOptions extends RedactOptions {
  /**
   * The findings are this scan's own, redacted one by one as the evaluation made them, so the
   * reports need not redact each again on every pass they make over them.
   */
  findingsRedacted?: boolean;
  /** results.json in the directory already holds these results, redacted (the scan's evaluation wrote it). */
  resultsWritten?: boolean;
}

/**
 * Renders each format (`all` or names) into `dir`, one at a time to bound memory, from the input
 * passed through `redact()`.
 */
export async function renderReports(
  input: ReportInput,
  formats: string | readonly string[],
  dir: string,
  options: RenderOptions = {},
): Promise<RenderedReport[]> {
  const reporters = selectReporters(formats);
  const safe = redactReportInput(input, options);
  const reports: RenderedReport[] = [];
  // Writing results.json again would copy it byte for byte, a pass over every finding.
  const written = options.resultsWritten === true && safe.results === input.results;
  for (const reporter of reporters) {
    reports.push(written && reporter === jsonReporter ? await existingReport(reporter, dir) : await renderOne(reporter, await inputFor(reporter, safe), dir));
  }
  return reports;
}

async function existingReport(reporter: Reporter, dir: string): Promise<RenderedReport> {
  return { format: reporter.format, fileName: reporter.fileName, bytes: (await stat(join(dir, reporter.fileName))).size, ms: 0 };
}

/** results.json is the evidence and stays complete; every other report lists what the view keeps. */
async function inputFor(reporter: Reporter, input: ReportInput): Promise<ReportInput> {
  return reporter === jsonReporter ? input : applyView(input);
}

/** Results, baseline and manifest redacted; the checklist and check metadata are our own text. */
export function redactReportInput(input: ReportInput, options: RenderOptions): ReportInput {
  return {
    ...input,
    results: redact(input.results, options),
    findings: options.findingsRedacted ? input.findings : redactedFindings(input.findings, options),
    manifest: redact(input.manifest, options),
    ...(input.baseline ? { baseline: redact(input.baseline, options) } : {}),
  };
}

/** Each finding redacted as it streams past. */
function redactedFindings(findings: FindingSource, options: RedactOptions): FindingSource {
  return {
    count: findings.count,
    each: async function* () {
      for await (const finding of findings.each()) yield redact(finding, options);
    },
  };
}

async function renderOne(reporter: Reporter, input: ReportInput, runDir: string): Promise<RenderedReport> {
  const started = performance.now();
  const target = join(runDir, reporter.fileName);
  const partial = `${target}.partial`;
  // Write then rename, so a failed render never leaves a half-written report behind.
  let bytes: number;
  try {
    bytes = isFileReporter(reporter)
      ? await reporter.write(input, partial)
      : isChunked(reporter)
        ? await writeChunks(partial, reporter.chunks(input))
        : await writeContent(partial, await reporter.render(input));
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, target);
  return { format: reporter.format, fileName: reporter.fileName, bytes, ms: Math.round(performance.now() - started) };
}

/** Writes the text or bytes; returns the byte count. */
async function writeContent(path: string, content: string | Uint8Array): Promise<number> {
  if (typeof content !== 'string') {
    await writeFile(path, content);
    return content.byteLength;
  }
  return writeChunks(path, [content]);
}

/** One format rendered from the redacted input, for `--out -`. */
export async function renderToBuffer(
  input: ReportInput,
  format: string,
  options: RedactOptions = {},
): Promise<string | Uint8Array> {
  const [reporter, ...rest] = selectReporters(format);
  if (!reporter || rest.length > 0) throw new UsageError(`--out - writes a single format; got "${format}"`);
  return reporter.render(await inputFor(reporter, redactReportInput(input, options)));
}
