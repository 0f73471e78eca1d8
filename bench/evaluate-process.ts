// Evaluates a run directory in its own process (as `scan --snapshot` would), so its memory is
// measured apart from the scan's. Sends {findings, errorFindings, peakRssMb} to the parent.

import { fork } from 'node:child_process';
import { RssSampler } from './rss.js';
import { evaluateSnapshot } from './scan-driver.js';

export interface EvaluationFigures {
  findings: number;
  errorFindings: number;
  peakRssMb: number;
}

/** Parent side: evaluates `dir` in a child process. */
export function evaluateInChild(dir: string): Promise<EvaluationFigures> {
  return new Promise((resolve, reject) => {
    const child = fork(new URL(import.meta.url), [dir], { stdio: 'inherit', execArgv: [] });
    child.once('message', (figures) => resolve(figures as EvaluationFigures));
    child.once('exit', (code) => code === 0 || reject(new Error(`evaluation process exited (${code})`)));
  });
}

async function childMain(dir: string): Promise<void> {
  const rss = new RssSampler();
  const results = await evaluateSnapshot(dir);
  const figures: EvaluationFigures = {
    findings: results.findings.length,
    errorFindings: results.findings.filter((f) => f.status === 'ERROR').length,
    peakRssMb: rss.stop(),
  };
  process.send?.(figures, () => process.disconnect());
}

if (process.send && process.argv[2]) {
  childMain(process.argv[2]).catch((err: unknown) => {
    console.error(`evaluate: ${err instanceof Error ? err.message : String(err)}`);
    process.exit(1);
  });
}
