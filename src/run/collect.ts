// Stage 1 of a scan: reach the accounts and collect their evidence into the run directory.

import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { createClientPool } from '../aws/clients.js';
import { connectAws } from '../aws/credentials.js';
import { configuredRegion, homeRegions } from '../aws/home-region.js';
import type { Deadline } from '../aws/deadline.js';
import { resolveTargets, type Target } from '../aws/targets.js';
import type { ScanEvents } from '../collect/events.js';
import { checksToRun } from '../catalog/applicability.js';
import { buildPlan } from '../collect/plan.js';
import { DEFAULT_HOME_REGION } from '../contract/dataset.js';
import { resumeScan } from '../bookkeeping/resume.js';
import { runScan } from '../collect/scanner.js';
import { checkSettingsOf, type PartnerAuditConfig } from '../config/schema.js';
import type { ScanSettings } from '../contract/settings.js';
import type { AnyCheck } from '../contract/check.js';
import { UsageError } from '../errors.js';
import { shardAccounts, type Shard } from '../bookkeeping/shard.js';
import type { Manifest } from '../snapshot/manifest.js';
import { createSnapshotWriter } from '../snapshot/writer.js';
import { runVocabulary } from '../collect/vocabulary.js';
import { TOOL } from '../version.js';
import { selectionOf, type RunConfig } from './options.js';

export interface CollectRequest {
  run: RunConfig;
  checks: AnyCheck[];
  runId: string;
  outDir: string;
  shard?: Shard;
  /** Finish an interrupted run in `outDir` instead of starting a new one. */
  resume: boolean;
  /** Progress of the collection (the CLI renders it). */
  events?: ScanEvents;
  /** Record organization account tags: attestations or exceptions name accounts by tag. */
  readTags?: boolean;
  /** `--deadline`: when it runs out, calls fail and unfinished accounts end PARTIAL. */
  deadline?: Deadline;
}

/** What the scanner's pieces need from the run's config (shared with preflight). */
export async function scanSettings(config: PartnerAuditConfig, runId: string): Promise<ScanSettings> {
  return {
    homeRegions: homeRegions(await configuredRegion(config.profile), config.regions),
    roleName: config.roleName,
    ...(config.externalId ? { externalId: config.externalId } : {}),
    ...(config.profile ? { profile: config.profile } : {}),
    ...(config.regions ? { regions: config.regions } : {}),
    concurrency: config.concurrency,
    retry: config.retry,
    timeouts: config.timeouts,
    runId,
  };
}

function initialManifest(request: CollectRequest): Manifest {
  return {
    schemaVersion: 1,
    tool: { ...TOOL },
    runId: request.runId,
    checklist: { id: request.run.checklist.id, version: request.run.checklist.version },
    ...(request.run.checklists.length > 1 ? { checklists: request.run.checklists.map(({ id, version }) => ({ id, version })) } : {}),
    configHash: request.run.configHash,
    startedAt: new Date().toISOString(),
    complete: false,
    ...(request.shard ? { shard: request.shard } : {}),
    selection: selectionOf(request.run.config),
    ...(request.deadline ? { deadline: request.deadline.at } : {}),
    accounts: [],
    totals: { requests: 0, retries: 0, throttles: 0, errors: 0 },
  };
}

function inShard(targets: Target[], shard: Shard | undefined): Target[] {
  if (!shard) return targets;
  const keep = new Set(shardAccounts(targets.map((t) => t.accountId), shard.index, shard.count));
  return targets.filter((t) => keep.has(t.accountId));
}

/**
 * Collects evidence into `request.outDir`; returns when every account finished or failed, with the
 * base credentials' secret values, which the reports must never contain.
 */
export async function collectEvidence(request: CollectRequest): Promise<string[]> {
  const settings = await scanSettings(request.run.config, request.runId);
  const events = request.events ?? {};
  const { deadline } = request;
  const onDeadline = (): void => events.deadlineReached?.(deadline!.at);
  deadline?.signal.addEventListener('abort', onDeadline, { once: true });
  const pool = createClientPool({
    settings,
    watch: {
      ...(deadline ? { deadline: deadline.signal } : {}),
      onStall: (event) => events.endpointStalled?.(event),
      onRecover: (host) => events.endpointRecovered?.(host),
    },
  });
  try {
    const access = await connectAws({ settings, pool });
    const secrets = await secretValues(access.baseCredentials);
    const plan = buildPlan(checksToRun(request.checks, checkSettingsOf(request.run.config)));
    if (request.resume) {
      await resumeScan({ dir: request.outDir, plan, settings, access, pool, events, vocabulary: runVocabulary(), ...(deadline ? { deadline } : {}) });
      return secrets;
    }
    const callerClients = pool.factory({
      accountId: access.caller.accountId,
      region: DEFAULT_HOME_REGION,
      credentials: access.baseCredentials,
    });
    const { config } = request.run;
    const targets = inShard(
      await resolveTargets({
        ...(config.accounts ? { accounts: config.accounts } : {}),
        organization: config.organization,
        callerAccountId: access.caller.accountId,
        clients: callerClients,
        readTags: request.readTags ?? false,
      }),
      request.shard,
    );
    // An empty shard is a valid (empty) run, so a fan-out with more shards than accounts still succeeds.
    if (targets.length === 0 && !request.shard) throw new UsageError('no account to scan: the account list or filters left none');
    const writer = createSnapshotWriter(request.outDir, initialManifest(request));
    await writer.start();
    await runScan({ targets, plan, settings, writer, access, pool, events, ...(deadline ? { deadline } : {}) });
    return secrets;
  } finally {
    // Past collection the deadline has nothing left to stop.
    deadline?.signal.removeEventListener('abort', onDeadline);
    pool.destroy();
  }
}

async function secretValues(provider: AwsCredentialIdentityProvider): Promise<string[]> {
  const credentials = await provider();
  return [credentials.secretAccessKey, credentials.sessionToken].filter((v): v is string => Boolean(v));
}
