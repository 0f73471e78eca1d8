import check from '../../checks/iam-service-user-access-keys.js';
import type { AwsManagedPolicy, IamUserDetail, ManagedPolicyDetail } from '../../src/datasets/iam/datasets.js';
import type { PolicyStatement } from '../../src/datasets/policy-types.js';
import {
  accessKey,
  accessKeys,
  allow,
  authorization,
  awsManagedPolicies,
  awsManagedPolicy,
  awsManagedRef,
  credentialReport,
  customerPolicy,
  doc,
  iamGroup,
  iamUser,
  ipDeny,
  REPORT_TIME,
  reportEntry,
  rootEntry,
  userArn,
} from '../helpers/fixtures/iam.js';
import { ACCOUNT, accountInput, settings } from '../helpers/input.js';
import { type CheckCase, runCheckCases } from '../helpers/run-check-cases.js';

const FRESH = accessKey('AKIAEXAMPLESERVICE01', '2026-11-20T12:00:00.000Z'); // 3 days old
const EIGHT_DAYS = accessKey('AKIAEXAMPLESERVICE02', '2026-11-15T12:00:00.000Z');
const ALMOST_EIGHT = accessKey('AKIAEXAMPLESERVICE03', '2026-11-15T12:00:01.000Z');
const PARTNER = '203.0.113.0/24';
const scoped = allow(['s3:GetObject'], ['arn:aws:s3:::bucket/*']);

/** A service user `svc` whose inline policy holds `statements`, with `keys` re-read. */
function service(options: {
  statements?: PolicyStatement[];
  keys?: ReturnType<typeof accessKey>[];
  user?: Partial<IamUserDetail>;
  policies?: ManagedPolicyDetail[];
  groups?: ReturnType<typeof iamGroup>[];
  partnerCidrs?: string[];
  awsManaged?: AwsManagedPolicy[];
}): CheckCase['input'] {
  const statements = options.statements ?? [ipDeny([PARTNER]), scoped];
  const inlinePolicies = statements.length ? [{ name: 'svc-policy', document: doc(...statements) }] : [];
  return accountInput({
    settings: settings({ iam: { partnerCidrs: options.partnerCidrs ?? [] } }),
    data: {
      report: credentialReport(rootEntry(), reportEntry('svc')),
      authorization: authorization({
        users: [iamUser('svc', { inlinePolicies, ...options.user })],
        groups: options.groups ?? [],
        policies: options.policies ?? [],
      }),
      awsManaged: awsManagedPolicies(options.awsManaged),
      keys: accessKeys({ svc: options.keys ?? [FRESH] }),
    },
  });
}

const svc = userArn('svc');
const fails = (failures: string) => [{ status: 'FAIL' as const, messageId: 'serviceUserFails', resource: svc, params: { failures } }];
const attest = [{ status: 'WARN' as const, messageId: 'serviceUserAttest', resource: svc }];
const NO_DENY = "no Deny of all actions on all resources outside the partner's IP ranges (NotIpAddress on aws:SourceIp) applies to it";
const notBinding = (condition: string) =>
  fails(`the IP-restricting Deny in inline policy svc-policy does not bind calls from the internet: its condition ${condition} is false for them`);
const fence = (condition: NonNullable<PolicyStatement['condition']>) => service({ statements: [ipDeny([PARTNER], condition), scoped] });

runCheckCases(check, [
  {
    name: 'no user has an active key: PASS for the account',
    input: accountInput({ data: { report: credentialReport(rootEntry(1), reportEntry('idle', { activeKeys: 0 })), authorization: authorization(), awsManaged: awsManagedPolicies(), keys: accessKeys({}) } }),
    expected: [{ status: 'PASS', messageId: 'noUserKeys', resource: `arn:aws:iam::${ACCOUNT}:root`, params: { generatedAt: REPORT_TIME } }],
  },
  {
    name: 'a console user with a key: WARN, allowed on a device the person controls',
    input: accountInput({ data: { report: credentialReport(reportEntry('alice', { passwordEnabled: true, activeKeys: 2 })), authorization: authorization(), awsManaged: awsManagedPolicies(), keys: accessKeys({}) } }),
    expected: [{ status: 'WARN', messageId: 'interactiveUserKey', resource: userArn('alice'), params: { why: 'console password', count: 2 } }],
  },
  {
    name: 'a CLI-only engineer listed in iam.interactiveUsers: WARN',
    input: accountInput({
      settings: settings({ iam: { interactiveUsers: ['bob'] } }),
      data: { report: credentialReport(reportEntry('bob')), authorization: authorization(), awsManaged: awsManagedPolicies(), keys: accessKeys({}) },
    }),
    expected: [{ status: 'WARN', messageId: 'interactiveUserKey', resource: userArn('bob'), params: { why: 'listed in iam.interactiveUsers' } }],
  },
  {
    name: 'a service user meeting every rule: WARN to attest why no role',
    input: service({}),
    expected: [{ ...attest[0]!, params: { keys: 'AKIAEXAMPLESERVICE01 (3 days old)', deny: `inline policy svc-policy (${PARTNER})` } }],
  },
  {
    name: 'a key 8 days old (7 plus 1 day of grace) fails on age, dated by ListAccessKeys',
    input: service({ keys: [EIGHT_DAYS] }),
    expected: fails('key AKIAEXAMPLESERVICE02 is 8 days old (rotate at least every 7 days; 1 day of grace)'),
  },
  {
    name: 'a key one second short of 8 days passes the age rule',
    input: service({ keys: [ALMOST_EIGHT] }),
    expected: attest,
  },
  {
    name: 'iam.maxServiceKeyAgeDays moves the age limit',
    input: accountInput({ ...service({ keys: [EIGHT_DAYS] }), settings: settings({ iam: { maxServiceKeyAgeDays: 30 } }) }),
    expected: attest,
  },
  {
    name: 'inactive keys in the re-read are ignored',
    input: service({ keys: [FRESH, accessKey('AKIAEXAMPLEOLDKEY001', '2025-01-01T00:00:00.000Z', 'Inactive')] }),
    expected: attest,
  },
  {
    name: 'no IP-restricting Deny: FAIL',
    input: service({ statements: [scoped] }),
    expected: fails(NO_DENY),
  },
  {
    name: 'the Deny through a group\'s customer-managed policy counts',
    input: service({
      statements: [scoped],
      user: { groups: ['services'] },
      groups: [iamGroup('services', { attachedPolicies: [{ name: 'partner-ips', arn: `arn:aws:iam::${ACCOUNT}:policy/partner-ips` }] })],
      policies: [customerPolicy('partner-ips', doc(ipDeny([PARTNER])))],
    }),
    expected: [{ ...attest[0]!, params: { deny: `group services: managed policy partner-ips (${PARTNER})` } }],
  },
  {
    name: 'the Deny in the permissions boundary counts',
    input: service({
      statements: [scoped],
      user: { permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT}:policy/boundary` },
      policies: [customerPolicy('boundary', doc(ipDeny([PARTNER]), allow(['*'])))],
    }),
    expected: [{ ...attest[0]!, params: { deny: `permissions boundary: managed policy boundary (${PARTNER})` } }],
  },
  {
    name: 'the Deny in an attached customer-managed policy counts',
    input: service({
      statements: [scoped],
      user: { attachedPolicies: [{ name: 'partner-ips', arn: `arn:aws:iam::${ACCOUNT}:policy/partner-ips` }] },
      policies: [customerPolicy('partner-ips', doc(ipDeny([PARTNER])))],
    }),
    expected: attest,
  },
  {
    name: 'the Deny may also exempt calls made by AWS services',
    input: service({ statements: [ipDeny([PARTNER], { Bool: { 'aws:ViaAWSService': ['false'] } }), scoped] }),
    expected: attest,
  },
  {
    name: 'a Deny with another condition does not bind calls from the internet: FAIL naming it',
    input: fence({ StringEquals: { 'aws:PrincipalTag/team': ['x'] } }),
    expected: notBinding('StringEquals aws:PrincipalTag/team'),
  },
  {
    name: 'a negated condition on the VPC endpoint, which internet calls lack, keeps the fence',
    input: fence({ StringNotEquals: { 'aws:SourceVpce': ['vpce-0a1b2c3d'] } }),
    expected: attest,
  },
  {
    name: 'an IfExists condition on the VPC keeps the fence',
    input: fence({ StringEqualsIfExists: { 'aws:SourceVpc': ['vpc-0a1b2c3d'] } }),
    expected: attest,
  },
  {
    name: 'NotIpAddress on aws:VpcSourceIp beside aws:SourceIp keeps the fence',
    input: service({ statements: [{ ...ipDeny([PARTNER]), condition: { NotIpAddress: { 'aws:SourceIp': [PARTNER], 'aws:VpcSourceIp': ['10.0.0.0/16'] } } }, scoped] }),
    expected: attest,
  },
  {
    name: 'Null true and ForAllValues: on an absent key are true: the fence holds',
    input: fence({ Null: { 'aws:SourceVpce': ['true'] }, 'ForAllValues:StringEquals': { 'aws:SourceVpc': ['vpc-0a1b2c3d'] } }),
    expected: attest,
  },
  {
    name: 'a ForAnyValue: condition on an absent key is false: the Deny does not bind, FAIL naming it',
    input: fence({ 'ForAnyValue:StringNotEquals': { 'aws:SourceVpce': ['vpce-0a1b2c3d'] } }),
    expected: notBinding('ForAnyValue:StringNotEquals aws:SourceVpce'),
  },
  {
    name: 'a plain StringEquals on the VPC endpoint is false for internet calls: FAIL',
    input: fence({ StringEquals: { 'aws:SourceVpce': ['vpce-0a1b2c3d'] } }),
    expected: notBinding('StringEquals aws:SourceVpce'),
  },
  {
    name: 'Bool aws:ViaAWSService true is false for a direct call: FAIL',
    input: fence({ Bool: { 'aws:ViaAWSService': ['true'] } }),
    expected: notBinding('Bool aws:ViaAWSService'),
  },
  {
    name: 'a Deny of "*:*" is a Deny of every action',
    input: service({ statements: [{ ...ipDeny([PARTNER]), action: ['*:*'] }, scoped] }),
    expected: attest,
  },
  {
    name: 'a Deny of only some actions is not the IP restriction',
    input: service({ statements: [{ ...ipDeny([PARTNER]), action: ['s3:*'] }, scoped] }),
    expected: fails(NO_DENY),
  },
  {
    name: 'a prefix shorter than /8 fails',
    input: service({ statements: [ipDeny(['0.0.0.0/0']), scoped] }),
    expected: fails('the IP-restricting Deny in inline policy svc-policy is too wide: 0.0.0.0/0 is wider than /8'),
  },
  {
    name: 'an IPv6 prefix shorter than /32 fails',
    input: service({ statements: [ipDeny(['2000::/3']), scoped] }),
    expected: fails('the IP-restricting Deny in inline policy svc-policy is too wide: 2000::/3 is wider than /32'),
  },
  {
    name: 'an IPv4-mapped IPv6 range is judged as the IPv4 range it maps',
    input: service({ statements: [ipDeny(['::ffff:0:0/96']), scoped] }),
    expected: fails('the IP-restricting Deny in inline policy svc-policy is too wide: ::ffff:0:0/96 (IPv4 0.0.0.0/0) is wider than /8'),
  },
  {
    name: 'an IPv4-mapped range inside iam.partnerCidrs passes',
    input: service({ statements: [ipDeny(['::ffff:203.0.113.0/120']), scoped], partnerCidrs: [PARTNER] }),
    expected: attest,
  },
  {
    name: 'ranges outside iam.partnerCidrs fail',
    input: service({ statements: [ipDeny(['198.51.100.0/24']), scoped], partnerCidrs: [PARTNER] }),
    expected: fails('the IP-restricting Deny in inline policy svc-policy is too wide: 198.51.100.0/24 is outside iam.partnerCidrs'),
  },
  {
    name: 'ranges inside iam.partnerCidrs pass, IPv6 and single addresses included',
    input: service({ statements: [ipDeny(['203.0.113.16/28', '203.0.113.7', '2001:db8:1::/48']), scoped], partnerCidrs: [PARTNER, '2001:db8::/32'] }),
    expected: attest,
  },
  {
    name: 'Allow of every action fails',
    input: service({ statements: [ipDeny([PARTNER]), allow(['*'])] }),
    expected: fails('inline policy svc-policy allows every action'),
  },
  {
    name: 'NotAction and NotResource fail',
    input: service({
      statements: [ipDeny([PARTNER]), { effect: 'Allow', sid: 'Broad', notAction: ['iam:*'], resource: ['*'] }, { effect: 'Allow', action: ['s3:GetObject'], notResource: ['arn:aws:s3:::x'] }],
    }),
    expected: fails('inline policy svc-policy (Broad) allows with NotAction; inline policy svc-policy allows with NotResource'),
  },
  {
    name: 'AdministratorAccess through a group fails by its document',
    input: service({ user: { groups: ['admins'] }, groups: [iamGroup('admins', { attachedPolicies: [awsManagedRef('AdministratorAccess')] })] }),
    expected: fails('group admins: managed policy AdministratorAccess allows every action'),
  },
  {
    name: 'PowerUserAccess attached directly fails by its NotAction',
    input: service({ user: { attachedPolicies: [awsManagedRef('PowerUserAccess')] } }),
    expected: fails('managed policy PowerUserAccess allows with NotAction'),
  },
  {
    name: 'AdministratorAccess still fails by name if its document ever reads narrower',
    input: service({ user: { attachedPolicies: [awsManagedRef('AdministratorAccess')] }, awsManaged: [awsManagedPolicy('AdministratorAccess', doc(scoped))] }),
    expected: fails('managed policy AdministratorAccess is attached: it grants full access'),
  },
  {
    name: 'AmazonS3FullAccess warns for s3:* by its document',
    input: service({ user: { attachedPolicies: [awsManagedRef('AmazonS3FullAccess')] } }),
    expected: [
      {
        status: 'WARN',
        messageId: 'serviceUserServiceWildcard',
        resource: svc,
        params: { grants: 'managed policy AmazonS3FullAccess allows s3:*, s3-object-lambda:* on every resource' },
      },
    ],
  },
  {
    name: 'an attached AWS-managed policy whose document was not fetched: ERROR naming it',
    input: service({ user: { attachedPolicies: [awsManagedRef('AmazonEC2FullAccess')] } }),
    expected: [{ status: 'ERROR', messageId: 'policiesMissing', resource: svc, params: { missing: 'arn:aws:iam::aws:policy/AmazonEC2FullAccess' } }],
  },
  {
    name: 'an AWS-managed permissions boundary needs no document: it grants nothing',
    input: service({ user: { permissionsBoundaryArn: 'arn:aws:iam::aws:policy/PowerUserAccess' }, awsManaged: [] }),
    expected: attest,
  },
  {
    name: 'every broken rule is named at once',
    input: service({ statements: [allow(['*'])], keys: [EIGHT_DAYS], user: { attachedPolicies: [awsManagedRef('IAMFullAccess')] } }),
    expected: fails(
      `key AKIAEXAMPLESERVICE02 is 8 days old (rotate at least every 7 days; 1 day of grace); ${NO_DENY}; inline policy svc-policy allows every action; ` +
        'managed policy IAMFullAccess is attached: iam:* lets the key grant itself any permission',
    ),
  },
  {
    name: 'service:* on every resource: WARN naming the grant',
    input: service({ statements: [ipDeny([PARTNER]), allow(['s3:*', 'sqs:SendMessage'])] }),
    expected: [{ status: 'WARN', messageId: 'serviceUserServiceWildcard', resource: svc, params: { grants: 'inline policy svc-policy allows s3:* on every resource' } }],
  },
  {
    name: 'keys deactivated since the report: PASS',
    input: service({ keys: [accessKey('AKIAEXAMPLESERVICE01', '2026-01-01T00:00:00.000Z', 'Inactive')] }),
    expected: [{ status: 'PASS', messageId: 'keysNoLongerActive', resource: svc }],
  },
  {
    name: 'user deleted since the report: PASS',
    input: accountInput({ data: { report: credentialReport(reportEntry('svc')), authorization: authorization(), awsManaged: awsManagedPolicies(), keys: accessKeys({}, ['svc']) } }),
    expected: [{ status: 'PASS', messageId: 'keysNoLongerActive', resource: svc }],
  },
  {
    name: 'keys not re-read: ERROR, never a guess from the report',
    input: accountInput({ data: { report: credentialReport(reportEntry('svc')), authorization: authorization({ users: [iamUser('svc')] }), awsManaged: awsManagedPolicies(), keys: accessKeys({}) } }),
    expected: [{ status: 'ERROR', messageId: 'keysNotReRead', resource: svc }],
  },
  {
    name: 'user missing from the authorization details: ERROR',
    input: accountInput({ data: { report: credentialReport(reportEntry('svc')), authorization: authorization(), awsManaged: awsManagedPolicies(), keys: accessKeys({ svc: [FRESH] }) } }),
    expected: [{ status: 'ERROR', messageId: 'userDetailsMissing', resource: svc }],
  },
  {
    name: 'an attached customer policy or group without its document: ERROR naming it',
    input: service({ user: { attachedPolicies: [{ name: 'ghost', arn: `arn:aws:iam::${ACCOUNT}:policy/ghost` }], groups: ['nowhere'] } }),
    expected: [{ status: 'ERROR', messageId: 'policiesMissing', resource: svc, params: { missing: `arn:aws:iam::${ACCOUNT}:policy/ghost, group nowhere` } }],
  },
]);
