import { ec2Instances } from '../src/datasets/ec2/datasets.js';
import { credentialReport, type CredentialReportEntry } from '../src/datasets/iam/datasets.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { accountArn, regionalArn } from './lib/arn.js';
import { interactiveReason } from './lib/credential-report.js';
import { failedRegion, REGION_VIEW_MESSAGES } from './lib/region-views.js';
import { daysSince } from './lib/time.js';

/** The window for "a key in use": used within this many days. */
const KEY_USE_WINDOW_DAYS = 90;

const MESSAGES = {
  serviceKeyInUse:
    'Service user {user} has an active access key used on {lastUsed} (within {days} days): is this a workload on AWS? Use a role (instance profile, task or execution role) instead.',
  instancesWithoutProfile:
    '{count} running instance(s) in {region} have no instance profile, so nothing on them gets role credentials: {instances}. Attest that none of them calls AWS with stored keys.',
  workloadsOnRoles:
    'No service user\'s access key was used in the last {days} days (credential report of {generatedAt}); {withProfile} of {running} running instance(s) have an instance profile.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES;

/** The most recent use of the entry's active keys within the window, if any. */
function recentUse(entry: CredentialReportEntry, now: Date): string | undefined {
  const uses = entry.keys.filter((k) => k.active && k.lastUsed && daysSince(now, k.lastUsed) < KEY_USE_WINDOW_DAYS).map((k) => k.lastUsed!);
  return uses.sort().at(-1);
}

export default defineCheck({
  id: 'iam-workloads-temporary-credentials',
  title: 'Workloads on AWS use role credentials, not IAM user keys',
  description:
    'Reads the credential report and the running EC2 instances of every region in scope. A service user (no console password and not ' +
    `listed in iam.interactiveUsers, as for the service-key check) whose active access key was used within ${KEY_USE_WINDOW_DAYS} days warns: it ` +
    'may be a workload on AWS that should take credentials from a role. Running instances without an instance profile are listed per ' +
    'region as evidence (nothing on them receives role credentials). Never FAIL: keys used from outside AWS (on premises, a partner ' +
    'system) are legitimate, so what remains to attest is that workloads on AWS compute get their credentials from attached roles.',
  requirements: { 'ftr-partner-hosted': ['IAM-012'] },
  severity: 'medium',
  scope: 'account',
  uses: { report: credentialReport, instances: ec2Instances },
  remediation:
    'Attach an instance profile to EC2 instances, a task role to ECS tasks and an execution role to Lambda functions, let the SDK pick ' +
    'the credentials up, then deactivate and delete the IAM user keys the workload used.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_switch-role-ec2.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { report, instances } = input.data;
    const outcomes: Outcome<MessageId>[] = [];
    for (const entry of report.entries.filter((e) => !e.isRoot && !interactiveReason(e, input.settings))) {
      const lastUsed = recentUse(entry, input.now);
      if (!lastUsed) continue;
      const params = { user: entry.user, lastUsed, days: KEY_USE_WINDOW_DAYS };
      outcomes.push({ status: 'WARN', messageId: 'serviceKeyInUse', resource: entry.arn, params, evidence: { keys: entry.keys, reportGeneratedAt: report.generatedAt } });
    }
    let running = 0;
    let withProfile = 0;
    for (const [region, view] of Object.entries(instances)) {
      if (!view.ok) {
        const failed = failedRegion(view, region, ec2Instances.id, input.closedRegions);
        outcomes.push({ ...failed, resource: regionalArn({ accountId: input.accountId, region }, 'ec2', 'instance'), region });
        continue;
      }
      const live = view.data.instances.filter((i) => i.state === 'running');
      const bare = live.filter((i) => !i.iamInstanceProfileArn);
      running += live.length;
      withProfile += live.length - bare.length;
      if (bare.length === 0) continue;
      const params = { region, count: bare.length, instances: bare.map((i) => i.instanceId).join(', ') };
      const resource = regionalArn({ accountId: input.accountId, region }, 'ec2', 'instance');
      outcomes.push({ status: 'PASS', messageId: 'instancesWithoutProfile', resource, region, params, evidence: { instances: bare.map((i) => i.instanceId) } });
    }
    if (outcomes.some((o) => o.messageId === 'serviceKeyInUse')) return outcomes;
    const params = { days: KEY_USE_WINDOW_DAYS, generatedAt: report.generatedAt, withProfile, running };
    return [...outcomes, { status: 'PASS', messageId: 'workloadsOnRoles', resource: accountArn(input), params, evidence: { reportGeneratedAt: report.generatedAt } }];
  },
});
