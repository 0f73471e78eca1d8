import { ec2Instances } from '../src/datasets/ec2/datasets.js';
import { ecsServices } from '../src/datasets/ecs/datasets.js';
import { classicLoadBalancers } from '../src/datasets/elb/datasets.js';
import { elbv2LoadBalancers } from '../src/datasets/elbv2/datasets.js';
import { lambdaFunctions } from '../src/datasets/lambda/datasets.js';
import { databases } from '../src/datasets/rds/datasets.js';
import { taggedResources } from '../src/datasets/tagging/datasets.js';
import { defineCheck } from '../src/contract/check.js';
import { partitionOf, regionalArn } from './lib/arn.js';

const MESSAGES = {
  managedShare: '{managed} of {total} resource(s) in {region} ({share}%) carry a tag of infrastructure as code (threshold {threshold}%).{unmanaged}',
  belowShare:
    'Only {managed} of {total} resource(s) in {region} ({share}%) carry aws:cloudformation:stack-id or a tag of iac.tagKeys (threshold {threshold}%); not managed as code: {unmanaged}.',
  noResources: 'No instances, load balancers, RDS databases, Lambda functions or ECS services in {region}.',
} as const;

/** The tag CloudFormation puts on every resource it creates that takes tags. */
const STACK_TAG = 'aws:cloudformation:stack-id';
const LISTED = 10;

interface Resource {
  kind: string;
  name: string;
  tags: Record<string, string>;
}

/** `Key` matches any value; `Key=Value` matches that value, ignoring case. */
function isManaged(tags: Record<string, string>, tagKeys: readonly string[]): boolean {
  if (tags[STACK_TAG]) return true;
  return tagKeys.some((entry) => {
    const at = entry.indexOf('=');
    if (at < 0) return entry in tags;
    return tags[entry.slice(0, at)]?.toLowerCase() === entry.slice(at + 1).toLowerCase();
  });
}

function listSome(resources: readonly Resource[]): string {
  const named = resources.slice(0, LISTED).map((r) => `${r.kind} ${r.name}`);
  return resources.length > LISTED ? `${named.join(', ')} and ${resources.length - LISTED} more` : named.join(', ');
}

const percent = (share: number) => Math.floor(share * 1000) / 10;

export default defineCheck({
  id: 'cloudformation-resources-managed-as-code',
  title: 'Workload resources are provisioned as infrastructure as code',
  description:
    'Per region, counts the EC2 instances (not terminated), Application, Network, Gateway and Classic Load Balancers, RDS DB clusters and ' +
    'DB instances outside a cluster, Lambda functions and ECS services, and the share of them carrying the tag CloudFormation adds ' +
    `(${STACK_TAG}) or a tag named in iac.tagKeys. An entry of iac.tagKeys is \`Key\` (any value counts, e.g. \`terraform:workspace\`) or ` +
    '`Key=Value` (that value, ignoring case, e.g. `ManagedBy=terraform`). Tags come from each resource\'s own description, and for Lambda ' +
    'functions and load balancers from the Resource Groups Tagging API. Below iac.minManagedShare (0.9) the region warns, listing the ' +
    'resources not managed as code; otherwise it passes. The same share is evidence for SMB OPE-001 (automated deployments). What remains ' +
    'to attest: the provisioning tool and that routine changes avoid the console.',
  requirements: { 'smb-competency': ['REL-005', 'OPE-001'] },
  severity: 'low',
  scope: 'region',
  uses: {
    instances: ec2Instances,
    elbv2: elbv2LoadBalancers,
    elb: classicLoadBalancers,
    databases,
    functions: lambdaFunctions,
    services: ecsServices,
    tagged: taggedResources,
  },
  remediation:
    'Bring the listed resources under CloudFormation, the AWS CDK or Terraform (import them, e.g. `aws cloudformation create-change-set ' +
    '--change-set-type IMPORT`, or `terraform import`), and have your tool tag what it manages (Terraform provider `default_tags`, e.g. ' +
    'ManagedBy=terraform, named in iac.tagKeys).',
  docsUrl: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/resource-import.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const { instances, elbv2, elb, databases: db, functions, services, tagged } = input.data;
    const tagsOf = (arn: string) => tagged.tagsByArn[arn] ?? {};
    const classicArn = (name: string) => `arn:${partitionOf(input.region)}:elasticloadbalancing:${input.region}:${input.accountId}:loadbalancer/${name}`;
    const resources: Resource[] = [
      ...instances.instances.filter((i) => !['terminated', 'shutting-down'].includes(i.state)).map((i) => ({ kind: 'instance', name: i.instanceId, tags: i.tags ?? {} })),
      ...elbv2.loadBalancers.map((lb) => ({ kind: 'load balancer', name: lb.name, tags: tagsOf(lb.arn) })),
      ...elb.loadBalancers.map((lb) => ({ kind: 'load balancer', name: lb.name, tags: tagsOf(classicArn(lb.name)) })),
      ...db.clusters.map((c) => ({ kind: 'DB cluster', name: c.identifier, tags: c.tags ?? {} })),
      ...db.instances.filter((i) => !i.clusterIdentifier).map((i) => ({ kind: 'DB instance', name: i.identifier, tags: i.tags ?? {} })),
      ...functions.functions.map((fn) => ({ kind: 'Lambda function', name: fn.name, tags: tagsOf(fn.arn) })),
      ...services.services.map((s) => ({ kind: 'ECS service', name: s.name, tags: s.tags })),
    ];
    const resource = regionalArn(input, 'cloudformation', 'stack');
    if (resources.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'noResources', resource, params: { region: input.region } }];
    const { tagKeys, minManagedShare } = input.settings.iac;
    const unmanaged = resources.filter((r) => !isManaged(r.tags, tagKeys));
    const managed = resources.length - unmanaged.length;
    const share = managed / resources.length;
    const params = { region: input.region, managed, total: resources.length, share: percent(share), threshold: percent(minManagedShare) };
    const evidence = { tagKeys, minManagedShare, managed, total: resources.length, unmanaged: unmanaged.map(({ kind, name }) => ({ kind, name })) };
    if (share < minManagedShare) return [{ status: 'WARN', messageId: 'belowShare', resource, params: { ...params, unmanaged: listSome(unmanaged) }, evidence }];
    const rest = unmanaged.length ? ` Not managed as code: ${listSome(unmanaged)}.` : '';
    return [{ status: 'PASS', messageId: 'managedShare', resource, params: { ...params, unmanaged: rest }, evidence }];
  },
});
