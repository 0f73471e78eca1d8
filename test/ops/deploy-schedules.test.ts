// The scheduled-run files in deploy/: they parse, and they say what docs/operating.md promises.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isReadOnlyAction } from '../../src/policy/policy.js';

const root = join(import.meta.dirname, '../..');
const read = (path: string): string => readFileSync(join(root, path), 'utf8');
const has = (command: string): boolean => spawnSync(command, ['--version'], { stdio: 'ignore' }).status === 0;

interface Step {
  uses?: string;
  run?: string;
  with?: Record<string, unknown>;
  if?: string;
}

describe('GitHub Actions workflow', () => {
  const workflow = parse(read('deploy/github-actions/partner-audit.yml'));
  const steps: Step[] = workflow.jobs.scan.steps;
  const uses = (prefix: string) => steps.find((s) => s.uses?.startsWith(prefix));
  const runs = steps.map((s) => s.run ?? '').join('\n');

  it('runs nightly and on demand, with an OIDC token and no stored AWS keys', () => {
    expect(workflow.on.schedule[0].cron).toMatch(/^\d+ \d+ \* \* \*$/);
    expect(workflow.on).toHaveProperty('workflow_dispatch');
    expect(workflow.permissions['id-token']).toBe('write');
    const aws = uses('aws-actions/configure-aws-credentials@');
    expect(aws?.with?.['role-to-assume']).toBe('${{ vars.PARTNER_AUDIT_SCANNER_ROLE_ARN }}');
    expect(read('deploy/github-actions/partner-audit.yml')).not.toMatch(/aws-access-key-id|AWS_SECRET_ACCESS_KEY/);
  });

  it('restores the last successful run as baseline, scans, uploads the run and fails on regression', () => {
    expect(runs).toMatch(/gh run list .*--status success/);
    expect(uses('actions/download-artifact@')?.with).toMatchObject({ name: 'partner-audit-run', path: 'baseline' });
    expect(runs).toMatch(/npx partner-audit scan .*--org .*--out run --format all --deadline 100m "\$\{baseline\[@\]\}"/);
    // The deadline leaves the job time to evaluate, report and upload.
    expect(workflow.jobs.scan['timeout-minutes']).toBeGreaterThan(100);
    expect(runs).toContain('baseline=(--baseline baseline)');
    const upload = uses('actions/upload-artifact@');
    expect(upload?.with).toMatchObject({ name: 'partner-audit-run', path: 'run/' });
    expect(upload?.if).toContain('always()');
    expect(runs).toMatch(/npx partner-audit diff baseline run --format md --fail-on regression/);
  });
});

describe('AWS-native schedule template', () => {
  const template = parse(read('deploy/aws-schedule/partner-audit-schedule.cfn.yaml'));
  const resources: Record<string, { Type: string; Properties: Record<string, any> }> = template.Resources;

  it('keeps evidence in a versioned, Object Lock bucket that refuses plain HTTP', () => {
    const bucket = resources.EvidenceBucket!.Properties;
    expect(bucket.VersioningConfiguration).toEqual({ Status: 'Enabled' });
    expect(bucket.ObjectLockEnabled).toBe(true);
    expect(bucket.ObjectLockConfiguration.Rule.DefaultRetention).toEqual({ Mode: { Ref: 'ObjectLockMode' }, Days: { Ref: 'RetentionDays' } });
    expect(Object.values(bucket.PublicAccessBlockConfiguration)).toEqual([true, true, true, true]);
    expect(resources.EvidenceBucketPolicy!.Properties.PolicyDocument.Statement[0].Condition).toEqual({ Bool: { 'aws:SecureTransport': 'false' } });
  });

  it('starts a Fargate task from EventBridge Scheduler that uploads to the bucket', () => {
    const target = resources.Schedule!.Properties.Target;
    expect(resources.Schedule!.Type).toBe('AWS::Scheduler::Schedule');
    expect(target.EcsParameters.LaunchType).toBe('FARGATE');
    expect(target.EcsParameters.TaskDefinitionArn).toEqual({ Ref: 'TaskDefinition' });
    const container = resources.TaskDefinition!.Properties.ContainerDefinitions[0];
    expect(container.Command['Fn::Split'][1]['Fn::Sub']).toBe('${ScanArguments},--upload,s3://${EvidenceBucket}/runs');
    expect(template.Parameters.ScanArguments.Default).toBe('scan,--org,--format,all,--deadline,3h');
    expect(container.Secrets).toEqual([{ Name: 'PARTNER_AUDIT_EXTERNAL_ID', ValueFrom: { Ref: 'ExternalIdSecret' } }]);
    expect(resources.TaskDefinition!.Properties.RequiresCompatibilities).toEqual(['FARGATE']);
  });

  it('lets the task role write only to the evidence bucket, and otherwise only read or assume the audit role', () => {
    const statements = resources.TaskRole!.Properties.Policies.flatMap((p: any) => p.PolicyDocument.Statement);
    expect(resources.TaskRole!.Properties.ManagedPolicyArns).toBeUndefined();
    for (const statement of statements) {
      expect(statement.Effect).toBe('Allow');
      const actions: string[] = [statement.Action].flat();
      for (const action of actions) {
        if (action === 's3:PutObject') expect(statement.Resource).toEqual({ 'Fn::Sub': '${EvidenceBucket.Arn}/*' });
        else if (action === 'sts:AssumeRole') expect(statement.Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:iam::*:role/${AuditRoleName}' });
        // Objects are read, and listed, only in the evidence bucket; the audit's own S3 reads are bucket settings.
        else if (action === 's3:GetObject' || action === 's3:ListBucket') expect(JSON.stringify(statement.Resource)).toContain('EvidenceBucket');
        else expect(isReadOnlyAction(action)).toBe(true);
      }
    }
    expect(statements.flatMap((s: any) => [s.Action].flat())).toContain('support:DescribeSeverityLevels');
  });

  it('alerts when a scan task stops with a non-zero exit code', () => {
    const pattern = resources.ScanExitedNonZero!.Properties.EventPattern;
    expect(pattern['detail-type']).toEqual(['ECS Task State Change']);
    expect(pattern.detail.containers.exitCode).toEqual([{ 'anything-but': 0 }]);
  });

  it.skipIf(!has('cfn-lint'))('passes cfn-lint', () => {
    execFileSync('cfn-lint', [join(root, 'deploy/aws-schedule/partner-audit-schedule.cfn.yaml')], { stdio: 'pipe' });
  });
});

describe('Dockerfile', () => {
  const dockerfile = read('deploy/aws-schedule/Dockerfile');
  const lines = dockerfile.split('\n').filter((l) => l && !l.startsWith('#'));

  it('builds on node:20-slim, installs production dependencies only and runs as a non-root user', () => {
    expect(lines.filter((l) => l.startsWith('FROM '))).toEqual(['FROM node:20-slim AS build', 'FROM node:20-slim']);
    const runtime = lines.slice(lines.indexOf('FROM node:20-slim'));
    expect(runtime.some((l) => /^RUN npm ci --omit=dev/.test(l))).toBe(true);
    expect(runtime).toContain('USER node');
    expect(runtime.at(-2)).toBe('ENTRYPOINT ["node", "dist/src/cli/main.js"]');
    expect(read('deploy/aws-schedule/Dockerfile.dockerignore').split('\n')).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git']));
  });
});

describe('Step Functions state machine', () => {
  const machine = JSON.parse(read('deploy/step-functions/shards.asl.json'));

  /** Every state of a (nested) States block, with the names its transitions point to. */
  const checkGraph = (block: { StartAt: string; States: Record<string, any> }): void => {
    const names = Object.keys(block.States);
    expect(names).toContain(block.StartAt);
    const targets = new Set<string>([block.StartAt]);
    for (const [name, state] of Object.entries(block.States)) {
      const next = [state.Next, state.Default, ...[...(state.Choices ?? []), ...(state.Catch ?? [])].map((c: any) => c.Next)].filter(Boolean);
      next.forEach((n: string) => targets.add(n));
      for (const n of next) expect(names, `${name} → ${n}`).toContain(n);
      const terminal = state.End === true || ['Succeed', 'Fail'].includes(state.Type);
      expect(terminal || next.length > 0, `${name} must end or go on`).toBe(true);
      if (state.ItemProcessor) checkGraph(state.ItemProcessor);
    }
    expect([...names].sort(), 'every state is reachable').toEqual([...targets].sort());
  };

  it('is a well-formed graph with a Distributed Map of shard scans', () => {
    checkGraph(machine);
    const map = machine.States.ScanShards;
    expect(map.Type).toBe('Map');
    expect(map.ItemProcessor.ProcessorConfig).toEqual({ Mode: 'DISTRIBUTED', ExecutionType: 'STANDARD' });
    const command = map.ItemProcessor.States.ScanShard.Parameters.Overrides.ContainerOverrides[0]['Command.$'];
    expect(command).toMatch(/^States\.Array\('scan', .*'--deadline', '3h', .*'--shard', \$\.shard, .*'--upload', /);
  });

  it('reads a shard\'s exit code also when runTask.sync failed the task for exiting non-zero', () => {
    const shard = machine.States.ScanShards.ItemProcessor.States;
    expect(shard.ScanShard.ResultSelector).toEqual({ 'exitCode.$': '$.Containers[0].ExitCode' });
    expect(shard.ScanShard.Catch).toEqual([{ ErrorEquals: ['States.TaskFailed'], ResultPath: '$.failure', Next: 'ReadStoppedTask' }]);
    expect(shard.ReadStoppedTask.Parameters).toEqual({ 'task.$': 'States.StringToJson($.failure.Cause)' });
    expect(shard.ShardExitCode.Parameters).toEqual({ 'exitCode.$': '$.task.Containers[0].ExitCode' });
  });

  it('merges the shard runs from the bucket and fails on FAIL or incomplete results', () => {
    const merge = machine.States.Merge.Parameters.Overrides.ContainerOverrides[0]['Command.$'];
    expect(merge).toMatch(/^States\.Array\('merge', .*s3:\/\/\{\}\/shards\/\{\}\/.*'--upload'/);
    expect(machine.States.RequirementsFailing.Type).toBe('Fail');
    expect(machine.States.ScanIncomplete.Type).toBe('Fail');
  });
});
