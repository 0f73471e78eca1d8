// The adversarial suite drives the built CLI as a hostile user would: child processes against the
// loopback fake AWS (or no AWS at all), run directories tampered with on disk, and checks on what the
// tool refuses, what it says, and what it leaves untouched.

import { spawn, type ChildProcess } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { startFakeAws, type FakeAws, type FaultSpec, type Scenario } from '../fake-aws/index.js';

export const CLI = 'dist/src/cli/main.js';
export const DEMO_SNAPSHOT = 'demo/snapshot';
export const ACCOUNTS = ['401234567890', '402345678901', '403456789012', '404567890123'];

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  ms: number;
}

export function workDir(name: string): string {
  return mkdtempSync(join(tmpdir(), `pa-adv-${name}-`));
}

export function demoScenario(faults: FaultSpec = {}): Scenario {
  const scenario = JSON.parse(readFileSync('demo/scenario.json', 'utf8')) as Scenario;
  return { ...scenario, faults: { ...scenario.faults, ...faults } };
}

export async function fakeAws(faults: FaultSpec = {}): Promise<FakeAws> {
  const started = new Date();
  return startFakeAws(demoScenario(faults), { now: () => started });
}

/** The environment of a user pointing the tool at an endpoint (a dead one when none is given). */
export function awsEnv(endpoint = 'http://127.0.0.1:9'): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    AWS_ENDPOINT_URL: endpoint,
    AWS_ACCESS_KEY_ID: 'AKIAADVERSARIAL00001',
    AWS_SECRET_ACCESS_KEY: 'adversarial-secret-key-000000000000000000',
    AWS_REGION: 'us-east-1',
    PARTNER_AUDIT_EXTERNAL_ID: demoScenario().externalId,
    NO_COLOR: '1',
  };
}

/** Starts the CLI; `done` settles with its exit code and output. */
export function startCli(args: string[], env: NodeJS.ProcessEnv = awsEnv()): { child: ChildProcess; done: Promise<CliResult> } {
  const started = Date.now();
  const child = spawn(process.execPath, [CLI, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const done = new Promise<CliResult>((resolve) => {
    child.on('close', (code, signal) => resolve({ code: code ?? (signal === 'SIGINT' ? 130 : 1), stdout, stderr, ms: Date.now() - started }));
  });
  return { child, done };
}

export function cli(args: string[], env?: NodeJS.ProcessEnv): Promise<CliResult> {
  return startCli(args, env).done;
}

/** A one-line error of ours: no stack trace. */
export function oneLine(result: CliResult): string {
  const lines = result.stderr.trim().split('\n');
  if (lines.length !== 1 || /\bat .*\.js:\d+/.test(result.stderr)) throw new Error(`expected one line on stderr, got:\n${result.stderr}`);
  return lines[0]!;
}

/** A sealed copy of the demo snapshot, evaluated offline: a run directory as `scan` leaves it. */
export async function demoRun(root: string, name = 'run', extra: string[] = []): Promise<string> {
  const dir = join(root, name);
  const result = await cli(['scan', '--snapshot', DEMO_SNAPSHOT, '--out', dir, '--format', 'html,markdown', '--quiet', ...extra]);
  if (result.code !== 3) throw new Error(`demo run failed (${result.code}): ${result.stderr}`);
  return dir;
}

/** A copy of a run directory, to tamper with while the original stays as made. */
export function copyRun(run: string, root: string, name: string): string {
  const dir = join(root, name);
  cpSync(run, dir, { recursive: true });
  return dir;
}

/** A copy of the demo snapshot (manifest and datasets only) to tamper with. */
export function snapshotCopy(root: string, name = 'snapshot'): string {
  const dir = join(root, name);
  cpSync(DEMO_SNAPSHOT, dir, { recursive: true });
  return dir;
}

export function editJson<T>(path: string, edit: (value: T) => void): void {
  const value = JSON.parse(readFileSync(path, 'utf8')) as T;
  edit(value);
  writeFileSync(path, JSON.stringify(value, null, 2));
}

export interface KeyFiles {
  privateKey: string;
  publicKey: string;
  publicDer: Buffer;
}

export function ed25519Keys(root: string, name: string): KeyFiles {
  const pair = generateKeyPairSync('ed25519');
  const privateKey = join(root, `${name}.key.pem`);
  const publicKey = join(root, `${name}.pub.pem`);
  writeFileSync(privateKey, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }));
  writeFileSync(publicKey, pair.publicKey.export({ type: 'spki', format: 'pem' }));
  return { privateKey, publicKey, publicDer: pair.publicKey.export({ type: 'spki', format: 'der' }) };
}

/** A KMS endpoint that answers GetPublicKey (awsJson 1.1) with the given key, and counts its calls. */
export async function kmsStub(publicDer: Buffer): Promise<{ endpoint: string; calls: string[]; close(): Promise<void> }> {
  const calls: string[] = [];
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const target = String(req.headers['x-amz-target'] ?? '');
      calls.push(target);
      const body =
        target === 'TrentService.GetPublicKey'
          ? { KeyId: 'arn:aws:kms:us-east-1:401234567890:key/adversarial', KeyUsage: 'SIGN_VERIFY', KeySpec: 'ECC_NIST_EDWARDS25519', SigningAlgorithms: ['ED25519_SHA_512'], PublicKey: publicDer.toString('base64') }
          : { __type: 'UnsupportedOperationException', message: target };
      res.writeHead(target === 'TrentService.GetPublicKey' ? 200 : 400, { 'content-type': 'application/x-amz-json-1.1', 'x-amzn-requestid': 'kms-stub' });
      res.end(JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { endpoint: `http://127.0.0.1:${port}`, calls, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** A TCP port whose listener is frozen (SIGSTOP) with a full accept queue: new connections never complete. */
export async function blackholePort(): Promise<{ port: number; close(): void }> {
  const child = spawn(process.execPath, ['-e', "const s=require('net').createServer();s.listen({port:0,host:'127.0.0.1',backlog:1},()=>console.log(s.address().port))"], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const port = await new Promise<number>((resolve) => child.stdout!.once('data', (d: Buffer) => resolve(Number(String(d).trim()))));
  process.kill(child.pid!, 'SIGSTOP');
  const { connect } = await import('node:net');
  const fillers = [1, 2, 3, 4].map(() => connect(port, '127.0.0.1').on('error', () => undefined));
  await new Promise((r) => setTimeout(r, 300));
  return {
    port,
    close: () => {
      for (const f of fillers) f.destroy();
      child.kill('SIGKILL');
    },
  };
}

/** Polls until `path` exists (or fails after `ms`). */
export async function waitFor(path: string, ms = 20_000): Promise<void> {
  const until = Date.now() + ms;
  while (!existsSync(path)) {
    if (Date.now() > until) throw new Error(`${path} did not appear within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
