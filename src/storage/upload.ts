// `--upload s3://bucket/prefix`: the tool's only write, into the partner's own evidence bucket.
// Each run file becomes <prefix>/<run-directory-name>/<path>; SHA256SUMS goes last, so its presence
// marks a complete upload. Every object carries the file's SHA-256 (Object Lock buckets need one,
// and S3 refuses a body that does not match it). Files are streamed from disk, never read whole:
// at 1,000 accounts results.json alone is 160 MB.

import { openAsBlob } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { basename, join, relative, resolve, sep } from 'node:path';
import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type * as SdkS3 from '@aws-sdk/client-s3';
import type { PutObjectCommandInput, PutObjectCommandOutput, S3Client } from '@aws-sdk/client-s3';
import { HttpRequest } from '@smithy/core/protocols';
import type { FinalizeRequestMiddleware } from '@smithy/types';
import pLimit from 'p-limit';
import { classifyError } from '../aws/errors.js';
import { CHECKSUMS_FILE, sha256File } from '../bundle/files.js';
import { LOCK_FILE } from '../snapshot/layout.js';
import { RuntimeError, SnapshotError, UsageError } from '../errors.js';
import { sdkModule } from '../aws/sdk-module.js';

const { PutObjectCommand } = sdkModule<typeof SdkS3>('@aws-sdk/client-s3');

export interface S3Location {
  bucket: string;
  /** No leading or trailing slash; may be empty. */
  prefix: string;
}

export interface UploadedObject {
  key: string;
  versionId?: string;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

export function parseS3Uri(uri: string): S3Location {
  const match = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
  if (!match || !BUCKET.test(match[1]!)) throw new UsageError(`not an S3 location, expected s3://bucket[/prefix]: "${uri}"`);
  return { bucket: match[1]!, prefix: match[2]!.replace(/^\/+|\/+$/g, '') };
}

const CONTENT_TYPES: Record<string, string> = {
  '.json': 'application/json',
  '.jsonl': 'application/x-ndjson',
  '.html': 'text/html; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.xml': 'application/xml',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentType(file: string): string {
  const ext = /\.[a-z]+$/.exec(file)?.[0] ?? '';
  return CONTENT_TYPES[ext] ?? 'text/plain; charset=utf-8';
}

export async function uploadRun(client: S3Client, runDir: string, target: S3Location): Promise<UploadedObject[]> {
  const files = await listFiles(runDir);
  const runName = basename(resolve(runDir));
  const keyOf = (file: string): string => [target.prefix, runName, file].filter(Boolean).join('/');
  const put = async (file: string): Promise<UploadedObject> => {
    const response = await sendPut(client, target, keyOf(file), join(runDir, file));
    return { key: keyOf(file), ...(response.VersionId ? { versionId: response.VersionId } : {}) };
  };
  const limit = pLimit(4);
  const uploaded = await Promise.all(files.filter((f) => f !== CHECKSUMS_FILE).map((f) => limit(() => put(f))));
  if (files.includes(CHECKSUMS_FILE)) uploaded.push(await put(CHECKSUMS_FILE));
  return uploaded;
}

async function sendPut(client: S3Client, target: S3Location, key: string, path: string): Promise<PutObjectCommandOutput> {
  try {
    const body = await openAsBlob(path);
    const command = new PutObjectCommand({
      Bucket: target.bucket,
      Key: key,
      Body: body,
      ContentLength: body.size,
      ContentType: contentType(key),
      ChecksumAlgorithm: 'SHA256',
      ChecksumSHA256: await sha256File(path, 'base64'),
    });
    command.middlewareStack.addRelativeTo(streamEachAttempt, { relation: 'after', toMiddleware: 'retryMiddleware', name: 'streamEachAttempt' });
    return await client.send(command);
  } catch (error) {
    const { code, message } = classifyError(error, 's3:PutObject');
    throw new RuntimeError(`cannot upload s3://${target.bucket}/${key}: ${code}: ${message}`);
  }
}

/**
 * The SDK does not retry a request whose body is a stream, since a stream is read once. The file's
 * Blob goes through the retry middleware instead, and each attempt below it sends a fresh stream
 * of the Blob, so a throttled or failed upload is retried by the SDK as any other call.
 */
const streamEachAttempt: FinalizeRequestMiddleware<PutObjectCommandInput, PutObjectCommandOutput> = (next) => (args) => {
  const { request } = args;
  if (!HttpRequest.isInstance(request) || !(request.body instanceof Blob)) return next(args);
  const attempt = HttpRequest.clone(request);
  attempt.body = Readable.fromWeb(request.body.stream() as WebReadableStream);
  return next({ ...args, request: attempt });
};

/** Every file under the run directory but the lock of the command at work, as sorted `/`-separated relative paths. */
async function listFiles(runDir: string): Promise<string[]> {
  const entries = await readdir(runDir, { recursive: true, withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    throw new SnapshotError(`cannot read run directory ${runDir}: ${error.code ?? 'unreadable'}`);
  });
  return entries
    .filter((entry) => entry.isFile() && !(entry.name === LOCK_FILE && resolve(entry.parentPath) === resolve(runDir)))
    .map((entry) => relative(runDir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}
