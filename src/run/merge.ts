// `partner-audit merge`: shard runs in (local folders, or downloaded from S3), one merged run out,
// uploaded to the evidence bucket when asked.

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type * as SdkS3 from '@aws-sdk/client-s3';
import { sdkModule } from '../aws/sdk-module.js';
import { mergeRuns } from '../bookkeeping/merge.js';
import { downloadRuns } from '../storage/download.js';
import { parseS3Uri, uploadRun } from '../storage/upload.js';

const { S3Client } = sdkModule<typeof SdkS3>('@aws-sdk/client-s3');

export interface MergeRequest {
  outDir: string;
  /** Run directories, or s3:// URIs naming one uploaded run or a folder of runs. */
  runArgs: string[];
  /** s3://bucket/prefix to upload the merged run to. */
  upload?: string;
}

export async function runMerge({ outDir, runArgs, upload }: MergeRequest): Promise<void> {
  const target = upload === undefined ? undefined : parseS3Uri(upload);
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
}
