// `partner-audit merge <out-dir> <run-dir>...`: one run out of the runs of `--shard i/n` scans.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { Command } from 'commander';
import { downloadRuns } from '../../storage/download.js';
import { mergeRuns } from '../../bookkeeping/merge.js';
import { parseS3Uri, uploadRun } from '../../storage/upload.js';

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
      const target = options.upload === undefined ? undefined : parseS3Uri(options.upload);
      const sources = runArgs.map((arg) => (arg.startsWith('s3://') ? parseS3Uri(arg) : arg));
      const needsS3 = target !== undefined || sources.some((s) => typeof s !== 'string');
      const s3 = needsS3 ? new S3Client({ followRegionRedirects: true }) : undefined;
      const staging = sources.some((s) => typeof s !== 'string') ? await mkdtemp(join(tmpdir(), 'partner-audit-merge-')) : undefined;
      try {
        const runDirs: string[] = [];
        for (const [i, source] of sources.entries()) {
          runDirs.push(...(typeof source === 'string' ? [source] : await downloadRuns(s3!, source, join(staging!, String(i)))));
        }
        const { manifest } = await mergeRuns(outDir, runDirs);
        process.stderr.write(`merged ${runDirs.length} runs, ${manifest.accounts.length} accounts, into ${outDir}\n`);
        if (target) {
          const uploaded = await uploadRun(s3!, outDir, target);
          process.stderr.write(`uploaded ${uploaded.length} files to s3://${target.bucket}/${target.prefix}\n`);
        }
      } finally {
        if (staging) await rm(staging, { recursive: true, force: true });
        s3?.destroy();
      }
    });
}
