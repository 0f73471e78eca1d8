import check from '../../checks/iam-customer-role-template-least-privilege.js';
import { rolePoliciesOf } from '../../src/config/role-template.js';
import { ACCOUNT, accountInput, settings } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const FILE = '/partner/customer-role.yaml';

function withTemplate(template: unknown) {
  const loaded = typeof template === 'string' ? template : { file: FILE, sha256: 'a'.repeat(64), ...rolePoliciesOf(template) };
  return accountInput({ data: {}, settings: settings({ ftr: { crossAccountAccess: true, customerRoleTemplate: loaded } }) });
}

function role(statements: unknown[], managed: unknown[] = []) {
  return {
    Resources: {
      ProductRole: {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }] },
          Policies: [{ PolicyName: 'product', PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
          ManagedPolicyArns: managed,
        },
      },
    },
  };
}

runCheckCases(check, [
  {
    name: 'reads on "*" and writes on named resources (through intrinsic functions) pass',
    input: withTemplate(
      role([
        { Effect: 'Allow', Action: ['ec2:Describe*', 's3:GetObject', 'cloudwatch:GetMetricData'], Resource: '*' },
        { Effect: 'Allow', Action: 's3:PutObject', Resource: { 'Fn::Sub': 'arn:aws:s3:::${ReportBucket}/*' } },
      ], ['arn:aws:iam::aws:policy/ReadOnlyAccess']),
    ),
    expected: [{ status: 'PASS', messageId: 'scoped', resource: `${FILE}#template`, params: { policies: 1 } }],
  },
  {
    name: '"*" actions, NotAction, writes on "*" and AdministratorAccess each fail',
    input: withTemplate(
      role(
        [
          { Effect: 'Allow', Action: '*', Resource: 'arn:aws:s3:::x' },
          { Effect: 'Allow', NotAction: 'iam:*', Resource: '*' },
          { Effect: 'Allow', Action: ['s3:List*', 'ec2:TerminateInstances', 'ssm:*'], Resource: '*' },
          { Effect: 'Deny', Action: '*', Resource: '*' },
        ],
        ['arn:aws:iam::aws:policy/AdministratorAccess'],
      ),
    ),
    expected: [
      { status: 'FAIL', messageId: 'allActions', resource: `${FILE}#ProductRole inline policy product`, params: { actions: '*' } },
      { status: 'FAIL', messageId: 'allActions', resource: `${FILE}#ProductRole inline policy product`, params: { actions: 'NotAction iam:*' } },
      { status: 'FAIL', messageId: 'writeEverywhere', resource: `${FILE}#ProductRole inline policy product`, params: { actions: 'ec2:TerminateInstances, ssm:*' } },
      { status: 'FAIL', messageId: 'broadManagedPolicy', resource: `${FILE}#ProductRole`, params: { policy: 'AdministratorAccess' } },
    ],
  },
  {
    name: 'a bare policy document is judged too',
    input: withTemplate({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'logs:*', NotResource: 'arn:aws:logs:*:*:log-group:secret' }] }),
    expected: [{ status: 'FAIL', messageId: 'writeEverywhere', resource: `${FILE}#policy document`, params: { actions: 'logs:*' } }],
  },
  {
    name: 'no template named: nothing to judge',
    input: accountInput({ data: {}, settings: settings({ ftr: { crossAccountAccess: true } }) }),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noTemplate', resource: ROOT }],
  },
  {
    name: 'a path the config loader did not read: ERROR',
    input: withTemplate('customer-role.yaml'),
    expected: [{ status: 'ERROR', messageId: 'notLoaded', resource: ROOT, params: { file: 'customer-role.yaml' } }],
  },
]);
