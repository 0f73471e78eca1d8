// Fetches run directories back from the evidence bucket, so `merge` can combine shards that ran
// on separate machines (Step Functions, Batch) and uploaded with `--upload`. Reads only.

import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type * as SdkS3 from '@aws-sdk/client-s3';
import type { S3Client } from '@aws-sdk/client-s3';
import pLimit from 'p-limit';
import { classifyError } from '../aws/errors.js';
import { RuntimeError, SnapshotError } from '../errors.js';
import { isRunFilePath } from '../snapshot/layout.js';
import { MANIFEST_FILE } from '../snapshot/manifest.js';
import type { S3Location } from './upload.js';
import { sdkModule } from '../aws/sdk-module.js';

const { GetObjectCommand, paginateListObjectsV2 } = sdkModule<typeof SdkS3>('@aws-sdk/client-s3');

/**
 * The runs at `source`: the run itself when `<prefix>/manifest.json` exists, else every folder
 * directly under the prefix that holds a manifest. Each lands in `<localRoot>/<run-name>`.
 */
export async function downloadRuns(client: S3Client, source: S3Location, localRoot: string): Promise<string[]> {
  const base = source.prefix ? `${source.prefix}/` : '';
  const keys = await listKeys(client, source.bucket, base);
  const relative = keys.map((key) => key.slice(base.length));
  const single = relative.includes(MANIFEST_FILE);
  const runName = (rel: string): string => (single ? (source.prefix.split('/').pop() ?? source.bucket) : rel.split('/')[0]!);
  const runs = single
    ? [runName('')]
    : [...new Set(relative.filter((rel) => rel.endsWith(`/${MANIFEST_FILE}`) && rel.split('/').length === 2).map(runName))];
  if (runs.length === 0) throw new SnapshotError(`no run directory (${MANIFEST_FILE}) under s3://${source.bucket}/${base}`);
  const wanted = relative.filter((rel) => single || runs.includes(runName(rel)));
  const limit = pLimit(8);
  await Promise.all(
    wanted.map((rel) =>
      limit(async () => {
        const local = join(localRoot, single ? join(runName(rel), rel) : rel);
        await mkdir(dirname(local), { recursive: true });
        await downloadObject(client, source.bucket, `${base}${rel}`, local);
      }),
    ),
  );
  return runs.sort().map((run) => join(localRoot, run));
}

async function listKeys(client: S3Client, bucket: string, prefix: string): Promise<string[]> {
  const keys: string[] = [];
  try {
    for await (const page of paginateListObjectsV2({ client }, { Bucket: bucket, Prefix: prefix })) {
      for (const object of page.Contents ?? []) if (object.Key && !object.Key.endsWith('/')) keys.push(object.Key);
    }
  } catch (error) {
    const { code, message } = classifyError(error, 's3:ListBucket');
    throw new RuntimeError(`cannot list s3://${bucket}/${prefix}: ${code}: ${message}`);
  }
  // Keys become local paths: only plain relative names, never `..`, `.` or an absolute path.
  const unsafe = keys.find((key) => !isRunFilePath(key.slice(prefix.length)));
  if (unsafe) throw new SnapshotError(`refusing object key that is not a plain relative path: ${unsafe}`);
  return keys.sort();
}

/** Streamed to the file, never held whole: a shard's results.json can be a hundred MB. */
async function downloadObject(client: S3Client, bucket: string, key: string, local: string): Promise<void> {
  try {
    const { Body } = await client.send(new GetObjectCommand({ Bucket: bucket, Key: key }));
    if (!(Body instanceof Readable)) throw new Error('no response body stream');
    await pipeline(Body, createWriteStream(local));
  } catch (error) {
    const { code, message } = classifyError(error, 's3:GetObject');
    throw new RuntimeError(`cannot download s3://${bucket}/${key}: ${code}: ${message}`);
  }
}
