import check from '../../checks/cloudformation-resources-managed-as-code.js';
import type { Ec2Instance } from '../../src/datasets/ec2/datasets.js';
import type { EcsServiceInfo } from '../../src/datasets/ecs/datasets.js';
import type { ClassicLoadBalancer } from '../../src/datasets/elb/datasets.js';
import type { Elbv2LoadBalancer } from '../../src/datasets/elbv2/datasets.js';
import type { LambdaFunctionInfo } from '../../src/datasets/lambda/datasets.js';
import type { DbClusterInfo, DbInstanceInfo } from '../../src/datasets/rds/datasets.js';
import { instance } from '../helpers/fixtures/compute.js';
import { classicLoadBalancer, loadBalancer } from '../helpers/fixtures/network.js';
import { dbCluster, dbInstance } from '../helpers/fixtures/network-area.js';
import { ecsService, lambdaFunction } from '../helpers/fixtures/workloads.js';
import { input, settings } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const RESOURCE = 'arn:aws:cloudformation:eu-west-1:111122223333:stack';
const STACK = { 'aws:cloudformation:stack-id': 'arn:aws:cloudformation:eu-west-1:111122223333:stack/app/1' };
const CLASSIC_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:111122223333:loadbalancer/legacy';

interface Options {
  instances?: Ec2Instance[];
  elbv2?: Elbv2LoadBalancer[];
  elb?: ClassicLoadBalancer[];
  dbInstances?: DbInstanceInfo[];
  dbClusters?: DbClusterInfo[];
  functions?: LambdaFunctionInfo[];
  services?: EcsServiceInfo[];
  tagsByArn?: Record<string, Record<string, string>>;
  iac?: Record<string, unknown>;
}

function region(o: Options) {
  return input({
    settings: settings(o.iac ? { iac: o.iac } : {}),
    data: {
      instances: { instances: o.instances ?? [] },
      elbv2: { loadBalancers: o.elbv2 ?? [] },
      elb: { loadBalancers: o.elb ?? [] },
      databases: { instances: o.dbInstances ?? [], clusters: o.dbClusters ?? [] },
      functions: { functions: o.functions ?? [] },
      services: { clusterArns: [], services: o.services ?? [] },
      tagged: { resourceTypes: ['lambda:function', 'elasticloadbalancing:loadbalancer'], tagsByArn: o.tagsByArn ?? {} },
    },
  });
}

const alb = loadBalancer('web');
const api = lambdaFunction('api');
const everything: Options = {
  instances: [instance({ instanceId: 'i-1', tags: STACK }), instance({ instanceId: 'i-gone', state: 'terminated' })],
  elbv2: [alb],
  elb: [classicLoadBalancer('legacy')],
  dbClusters: [dbCluster('aurora', { tags: STACK })],
  dbInstances: [dbInstance('aurora-1', { clusterIdentifier: 'aurora' }), dbInstance('pg', { tags: STACK })],
  functions: [api],
  services: [ecsService('web', { tags: STACK })],
  tagsByArn: { [alb.arn]: STACK, [CLASSIC_ARN]: STACK, [api.arn]: STACK },
};

runCheckCases(check, [
  {
    name: 'every resource of every kind carries the CloudFormation tag (cluster members counted once, terminated instances not): PASS',
    input: region(everything),
    expected: [{ status: 'PASS', messageId: 'managedShare', resource: RESOURCE, params: { managed: 7, total: 7, share: 100, threshold: 90, unmanaged: '' } }],
  },
  {
    name: 'untagged resources below iac.minManagedShare: WARN listing them',
    input: region({ ...everything, tagsByArn: {}, services: [ecsService('web')] }),
    expected: [
      {
        status: 'WARN',
        messageId: 'belowShare',
        resource: RESOURCE,
        params: { managed: 3, total: 7, share: 42.8, unmanaged: 'load balancer web, load balancer legacy, Lambda function api, ECS service web' },
      },
    ],
  },
  {
    name: 'iac.tagKeys: Key=Value matches that value ignoring case, a bare Key any value; a lower threshold passes with the rest listed',
    input: region({
      instances: [instance({ instanceId: 'i-tf', tags: { ManagedBy: 'Terraform' } }), instance({ instanceId: 'i-ws', tags: { 'terraform:workspace': 'prod' } }), instance({ instanceId: 'i-hand', tags: { ManagedBy: 'console' } })],
      iac: { tagKeys: ['ManagedBy=terraform', 'terraform:workspace'], minManagedShare: 0.6 },
    }),
    expected: [{ status: 'PASS', messageId: 'managedShare', resource: RESOURCE, params: { managed: 2, total: 3, share: 66.6, threshold: 60, unmanaged: ' Not managed as code: instance i-hand.' } }],
  },
  {
    name: 'more than ten unmanaged resources: ten named, the rest counted',
    input: region({ instances: Array.from({ length: 12 }, (_, i) => instance({ instanceId: `i-${i}` })) }),
    expected: [{ status: 'WARN', messageId: 'belowShare', resource: RESOURCE, params: { share: 0, unmanaged: `${Array.from({ length: 10 }, (_, i) => `instance i-${i}`).join(', ')} and 2 more` } }],
  },
  {
    name: 'nothing to count: NOT_APPLICABLE',
    input: region({ instances: [instance({ state: 'terminated' })] }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noResources', resource: RESOURCE }],
  },
]);
