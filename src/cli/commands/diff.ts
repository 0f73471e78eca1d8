// `partner-audit diff <old-run> <new-run>`: drift between two runs; exit 3 when --fail-on is met.

import { type Command, Option } from '../../vendor/commander.js';
import { EXIT } from '../../errors.js';
import { diffRuns, FAIL_ON, type FailOn, meetsFailOn } from '../../bookkeeping/diff.js';
import { renderDiffJson, renderDiffMarkdown, renderDiffText } from '../../bookkeeping/diff-render.js';
import { getChecklist } from '../../catalog/index.js';
import type { Results } from '../../contract/results.js';
import { readResults, readResultsFor } from '../../snapshot/results-file.js';

const FORMATS = ['text', 'md', 'json'] as const;

interface DiffOptions {
  format: (typeof FORMATS)[number];
  failOn: FailOn;
  checklist?: string;
}

export function register(program: Command): void {
  program
    .command('diff')
    .description('Show drift between two runs: regressions, fixes, new or gone accounts and resources, lapsing attestations.')
    .argument('<old-run>', 'run directory of the earlier run (holds results.json)')
    .argument('<new-run>', 'run directory of the later run')
    .addOption(new Option('--format <format>', 'output format').choices(FORMATS).default('text'))
    .option('--checklist <id>', "compare this checklist's results, when the runs judged several (default: each run's first)")
    .addOption(
      new Option('--fail-on <condition>', 'when to exit with 3').choices(FAIL_ON).default('regression'),
    )
    .addHelpText(
      'after',
      `
--fail-on regression  exit 3 when a requirement FAILs that did not FAIL in the old run (default)
--fail-on fail        exit 3 when any requirement FAILs in the new run
--fail-on error       exit 3 when any requirement FAILs or is ERROR in the new run
Otherwise the exit code is 0. Attestations are flagged when expired or expiring within 30 days.`,
    )
    .action(async (oldRun: string, newRun: string, options: DiffOptions) => {
      const read = (dir: string): Promise<Results> => (options.checklist ? readResultsFor(dir, getChecklist(options.checklist).id) : readResults(dir));
      const diff = diffRuns(await read(oldRun), await read(newRun), new Date());
      const render = { text: renderDiffText, md: renderDiffMarkdown, json: renderDiffJson }[options.format];
      process.stdout.write(render(diff));
      process.exitCode = meetsFailOn(diff, options.failOn) ? EXIT.requirementFailed : EXIT.ok;
    });
}
