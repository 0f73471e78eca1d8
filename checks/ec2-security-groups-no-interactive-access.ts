import { deploymentTools, type DeploymentToolsEvidence } from '../src/datasets/cicd/datasets.js';
import { securityGroups } from '../src/datasets/ec2/datasets.js';
import { type DatasetView, defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';
import { describeRule, worldAdminRules } from './lib/security-groups.js';

const MESSAGES = {
  interactiveAccess: 'Security group {name} ({id}) lets anyone on the internet open SSH or RDP ({rules}): interactive access is possible. {tools}',
  noInteractiveAccess: 'No security group in {region} opens SSH or RDP to the internet. {tools}',
  noGroups: 'No security groups in {region}. {tools}',
} as const;

type MessageId = keyof typeof MESSAGES;

/** What deployment automation the region shows, for the message and the evidence. */
function toolsSeen(view: DatasetView<DeploymentToolsEvidence>): string {
  if (!view.ok) return `Deployment tools could not be read (${view.error.code}).`;
  const { pipelines, deployApplications, buildProjects } = view.data;
  const seen = [
    ...(pipelines.length ? [`CodePipeline: ${pipelines.join(', ')}`] : []),
    ...(deployApplications.length ? [`CodeDeploy: ${deployApplications.join(', ')}`] : []),
    ...(buildProjects.length ? [`CodeBuild: ${buildProjects.join(', ')}`] : []),
  ];
  return seen.length ? `Deployment automation seen: ${seen.join('; ')}.` : 'No CodePipeline, CodeDeploy or CodeBuild here; attest the deployment pipeline in use.';
}

export default defineCheck({
  id: 'ec2-security-groups-no-interactive-access',
  title: 'Changes are deployed by automation, not through SSH or RDP sessions from the internet',
  description:
    'Reads the security groups of each region (the dataset of the FTR NETSEC-001 check) and warns for each one whose inbound rules let ' +
    '0.0.0.0/0 or ::/0 reach port 22 or 3389, or all traffic: interactive access is possible. CodePipeline pipelines, CodeDeploy ' +
    'applications and CodeBuild projects of the region are listed as evidence of automated deployment. A closed network does not prove ' +
    'that nobody deploys by hand: the pipeline, and that no SSH or RDP session deploys changes, are attested.',
  requirements: { 'smb-competency': ['OPE-001'] },
  severity: 'medium',
  scope: 'region',
  uses: { groups: securityGroups },
  optionalUses: { tools: deploymentTools },
  remediation:
    'Close SSH and RDP to the internet (`aws ec2 revoke-security-group-ingress --group-id <id> --security-group-rule-ids <rule-id>`), use ' +
    'Systems Manager Session Manager for break-glass access, and deploy through a pipeline (CodePipeline, CodeDeploy, or your CI/CD tool).',
  docsUrl: 'https://docs.aws.amazon.com/wellarchitected/latest/operational-excellence-pillar/ops_dev_integ_auto_deploy.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { groups } = input.data.groups;
    const tools = toolsSeen(input.optional.tools);
    const toolsEvidence = input.optional.tools.ok ? input.optional.tools.data : { unreadable: input.optional.tools.error.code };
    const region = regionalArn(input, 'ec2', 'security-group');
    if (groups.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noGroups', resource: region, params: { region: input.region, tools } }];
    const open = groups.flatMap((group): Outcome<MessageId>[] => {
      const rules = worldAdminRules(group);
      if (rules.length === 0) return [];
      const params = { name: group.name, id: group.groupId, rules: rules.map(describeRule).join('; '), tools };
      return [{ status: 'WARN', messageId: 'interactiveAccess', resource: group.arn, params, evidence: { group, deploymentTools: toolsEvidence } }];
    });
    if (open.length > 0) return open;
    return [{ status: 'PASS', messageId: 'noInteractiveAccess', resource: region, params: { region: input.region, tools }, evidence: { groups: groups.length, deploymentTools: toolsEvidence } }];
  },
});
