// `partner-audit merge <out-dir> <run-dir>...`: one run out of the runs of `--shard i/n` scans.

import type { Command } from '../../vendor/commander.js';

interface MergeOptions {
  upload?: string;
}

export function register(program: Command): void {
  program
    .command('merge')
    .description('Combine the run directories of sharded scans (--shard i/n) into one run directory.')
    .argument('<out-dir>', 'new, empty run directory to write')
    .argument('<run-dir...>', 'run directories of the shards, or s3://bucket/prefix/ holding them')
    .option('--upload <s3-uri>', 'then upload the merged run to s3://bucket/prefix (the evidence bucket)')
    .addHelpText(
      'after',
      `
Writes one manifest listing every account, all dataset files, merged results.json and SHA256SUMS.
The runs must share checklist, config and tool version; an account present in two runs is an error.
An s3:// argument names one uploaded run (its folder holds manifest.json) or a folder of runs.
Checks that look across accounts saw only their shard: run
  partner-audit scan --snapshot <out-dir> --config <your config> --out <final-dir>
to re-evaluate the merged snapshot as one organization and write the reports.`,
    )
    .action(async (outDir: string, runArgs: string[], options: MergeOptions) => {
      // Loaded here so that `--help` and the other commands do not load the SDK.
      const { runMerge } = await import('../../run/merge.js');
      await runMerge({ outDir, runArgs, ...(options.upload === undefined ? {} : { upload: options.upload }) });
    });
}
