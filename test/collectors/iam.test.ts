import {
  CredentialReportExpiredException,
  CredentialReportNotPresentException,
  CredentialReportNotReadyException,
  GenerateCredentialReportCommand,
  GetAccountAuthorizationDetailsCommand,
  GetCredentialReportCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListServerCertificatesCommand,
  NoSuchEntityException,
} from '@aws-sdk/client-iam';
import { mockClient } from 'aws-sdk-client-mock';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REPORT_POLL_DELAYS_MS } from '../../src/datasets/iam/credential-report.js';
import { accessKeys, awsManagedPolicies, credentialReport, iamAuthorization, serverCertificates } from '../../src/datasets/iam/datasets.js';
import { ACCOUNT_ID, awsError, collect, testContext } from './context.js';

// The report's polling pauses resolve at once; the test reads which pauses were asked for.
vi.mock('node:timers/promises', () => ({ setTimeout: vi.fn(async () => undefined) }));

const iam = mockClient(IAMClient);

const HEADER =
  'user,arn,user_creation_time,password_enabled,password_last_used,password_last_changed,password_next_rotation,mfa_active,' +
  'access_key_1_active,access_key_1_last_rotated,access_key_1_last_used_date,access_key_1_last_used_region,access_key_1_last_used_service,' +
  'access_key_2_active,access_key_2_last_rotated,access_key_2_last_used_date,access_key_2_last_used_region,access_key_2_last_used_service,' +
  'cert_1_active,cert_1_last_rotated,cert_2_active,cert_2_last_rotated';
const ROOT_ROW = `<root_account>,arn:aws:iam::${ACCOUNT_ID}:root,2020-01-01T00:00:00+00:00,not_supported,2026-10-01T10:00:00+00:00,not_supported,not_supported,true,false,N/A,N/A,N/A,N/A,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
const ALICE_ROW = `alice,arn:aws:iam::${ACCOUNT_ID}:user/alice,2024-03-01T09:00:00+00:00,true,2026-11-20T08:30:00+00:00,2026-01-01T00:00:00+00:00,N/A,true,true,2026-11-16T12:00:00+00:00,2026-11-22T07:00:00+00:00,eu-west-1,s3,false,N/A,N/A,N/A,N/A,false,N/A,false,N/A`;
const SVC_ROW = `svc-deploy,arn:aws:iam::${ACCOUNT_ID}:user/ci/svc-deploy,2023-05-05T05:05:05+00:00,false,N/A,N/A,N/A,false,false,2025-01-01T00:00:00+00:00,no_information,N/A,N/A,true,2026-11-20T00:00:00+00:00,N/A,N/A,N/A,false,N/A,false,N/A`;
const REPORT_CSV = [HEADER, ROOT_ROW, ALICE_ROW, SVC_ROW].join('\n') + '\n';
const GENERATED = new Date('2026-11-23T10:00:00Z');

function reportResponse(csv = REPORT_CSV) {
  return { Content: new TextEncoder().encode(csv), ReportFormat: 'text/csv' as const, GeneratedTime: GENERATED };
}

const notReady = () => new CredentialReportNotReadyException({ message: 'in progress', $metadata: {} });
const notPresent = () => new CredentialReportNotPresentException({ message: 'not present', $metadata: {} });
const expired = () => new CredentialReportExpiredException({ message: 'expired', $metadata: {} });
// IAM does not model AccessDenied: the SDK names the error after the wire code.
const denied = () => awsError('AccessDenied', 'User is not authorized');

beforeEach(() => {
  iam.reset();
  vi.mocked(sleep).mockClear();
  iam.on(GenerateCredentialReportCommand).resolves({ State: 'STARTED' });
});

describe('iam.credentialReport', () => {
  it('parses rows into entries with booleans, ISO dates and absent N/A values', async () => {
    iam.on(GetCredentialReportCommand).resolves(reportResponse());

    const evidence = await collect(credentialReport, testContext('us-east-1'));

    expect(evidence.generatedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(evidence.entries).toHaveLength(3);
    const [root, alice, svc] = evidence.entries;
    expect(root).toEqual({
      user: '<root_account>',
      arn: `arn:aws:iam::${ACCOUNT_ID}:root`,
      isRoot: true,
      userCreationTime: '2020-01-01T00:00:00.000Z',
      passwordEnabled: undefined,
      passwordLastUsed: '2026-10-01T10:00:00.000Z',
      mfaActive: true,
      keys: [
        { slot: 1, active: false, lastRotated: undefined, lastUsed: undefined },
        { slot: 2, active: false, lastRotated: undefined, lastUsed: undefined },
      ],
    });
    expect(alice).toMatchObject({ user: 'alice', isRoot: false, passwordEnabled: true, mfaActive: true });
    expect(alice!.keys[0]).toEqual({ slot: 1, active: true, lastRotated: '2026-11-16T12:00:00.000Z', lastUsed: '2026-11-22T07:00:00.000Z' });
    expect(svc).toMatchObject({ arn: `arn:aws:iam::${ACCOUNT_ID}:user/ci/svc-deploy`, passwordEnabled: false, passwordLastUsed: undefined, mfaActive: false });
    expect(svc!.keys).toEqual([
      { slot: 1, active: false, lastRotated: '2025-01-01T00:00:00.000Z', lastUsed: undefined },
      { slot: 2, active: true, lastRotated: '2026-11-20T00:00:00.000Z', lastUsed: undefined },
    ]);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(1);
    expect(sleep).not.toHaveBeenCalled();
  });

  it('asks every second while the report is in progress, then waits longer', async () => {
    let answers = iam.on(GetCredentialReportCommand).rejectsOnce(notReady());
    for (let i = 1; i < 12; i += 1) answers = answers.rejectsOnce(notReady());
    answers.resolves(reportResponse());

    const evidence = await collect(credentialReport, testContext('us-east-1'));

    expect(evidence.entries).toHaveLength(3);
    expect(vi.mocked(sleep).mock.calls.map((call) => call[0])).toEqual([...Array<number>(10).fill(1_000), 5_000, 15_000]);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(13);
    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(1);
  });

  it('generates again when the report is missing or expired', async () => {
    iam.on(GetCredentialReportCommand).rejectsOnce(notPresent()).rejectsOnce(expired()).resolves(reportResponse());

    await collect(credentialReport, testContext('us-east-1'));

    expect(iam.commandCalls(GenerateCredentialReportCommand)).toHaveLength(3);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(3);
  });

  it('gives up with a clear error after about a minute', async () => {
    iam.on(GetCredentialReportCommand).rejects(notReady());

    await expect(collect(credentialReport, testContext('us-east-1'))).rejects.toThrow(
      /still not available after waiting 60 s \(last answer: CredentialReportNotReadyException\)/,
    );
    expect(vi.mocked(sleep).mock.calls.map((call) => call[0])).toEqual([...REPORT_POLL_DELAYS_MS]);
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(REPORT_POLL_DELAYS_MS.length + 1);
  });

  it('lets AccessDenied propagate without polling', async () => {
    iam.on(GetCredentialReportCommand).rejects(denied());
    await expect(collect(credentialReport, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(sleep).not.toHaveBeenCalled();
  });

  it('fails on a report without the expected columns', async () => {
    iam.on(GetCredentialReportCommand).resolves(reportResponse('user,arn\nalice,arn:aws:iam::1:user/alice\n'));
    await expect(collect(credentialReport, testContext('us-east-1'))).rejects.toThrow(/lacks expected columns: password_enabled/);
  });
});

/** encodeURIComponent is how IAM returns policy documents. */
function encoded(document: unknown): string {
  return encodeURIComponent(JSON.stringify(document));
}

describe('iam.authorizationDetails', () => {
  const denyOutsideIps = {
    Version: '2012-10-17',
    Statement: {
      Effect: 'Deny',
      NotAction: 'sts:GetCallerIdentity',
      Resource: '*',
      Condition: { NotIpAddress: { 'aws:SourceIp': '203.0.113.0/24' }, Bool: { 'aws:ViaAWSService': false } },
    },
  };
  const deployPolicy = {
    Version: '2012-10-17',
    Statement: [
      { Sid: 'Deploy', Effect: 'Allow', Action: ['s3:PutObject', 's3:GetObject'], Resource: 'arn:aws:s3:::releases/*' },
      { Effect: 'Allow', Action: 'cloudformation:*', NotResource: ['arn:aws:cloudformation:*:*:stack/prod-*'] },
    ],
  };

  it('decodes and normalizes documents across pages, asking only for users, groups and local policies', async () => {
    iam
      .on(GetAccountAuthorizationDetailsCommand)
      .resolvesOnce({
        UserDetailList: [
          {
            UserName: 'svc-deploy',
            Arn: `arn:aws:iam::${ACCOUNT_ID}:user/ci/svc-deploy`,
            UserPolicyList: [{ PolicyName: 'deny-outside-ips', PolicyDocument: encoded(denyOutsideIps) }],
            AttachedManagedPolicies: [
              { PolicyName: 'deploy', PolicyArn: `arn:aws:iam::${ACCOUNT_ID}:policy/deploy` },
              { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
            ],
            GroupList: ['deployers'],
            PermissionsBoundary: { PermissionsBoundaryArn: `arn:aws:iam::${ACCOUNT_ID}:policy/boundary` },
          },
        ],
        IsTruncated: true,
        Marker: 'm1',
      })
      .resolvesOnce({
        GroupDetailList: [
          {
            GroupName: 'deployers',
            Arn: `arn:aws:iam::${ACCOUNT_ID}:group/deployers`,
            GroupPolicyList: [],
            AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
          },
        ],
        Policies: [
          {
            PolicyName: 'deploy',
            Arn: `arn:aws:iam::${ACCOUNT_ID}:policy/deploy`,
            DefaultVersionId: 'v2',
            PolicyVersionList: [
              { VersionId: 'v1', IsDefaultVersion: false, Document: encoded({ Statement: [] }) },
              { VersionId: 'v2', IsDefaultVersion: true, Document: encoded(deployPolicy) },
            ],
          },
        ],
        IsTruncated: false,
      });

    const evidence = await collect(iamAuthorization, testContext('us-east-1'));

    const calls = iam.commandCalls(GetAccountAuthorizationDetailsCommand);
    expect(calls).toHaveLength(2);
    expect(calls[0]!.args[0].input.Filter).toEqual(['User', 'Group', 'LocalManagedPolicy']);
    expect(evidence.users).toEqual([
      {
        userName: 'svc-deploy',
        arn: `arn:aws:iam::${ACCOUNT_ID}:user/ci/svc-deploy`,
        inlinePolicies: [
          {
            name: 'deny-outside-ips',
            document: {
              statements: [
                {
                  sid: undefined,
                  effect: 'Deny',
                  action: undefined,
                  notAction: ['sts:GetCallerIdentity'],
                  resource: ['*'],
                  notResource: undefined,
                  condition: { NotIpAddress: { 'aws:SourceIp': ['203.0.113.0/24'] }, Bool: { 'aws:ViaAWSService': ['false'] } },
                },
              ],
            },
          },
        ],
        attachedPolicies: [
          { name: 'deploy', arn: `arn:aws:iam::${ACCOUNT_ID}:policy/deploy` },
          { name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
        ],
        groups: ['deployers'],
        permissionsBoundaryArn: `arn:aws:iam::${ACCOUNT_ID}:policy/boundary`,
      },
    ]);
    expect(evidence.groups).toEqual([
      {
        groupName: 'deployers',
        arn: `arn:aws:iam::${ACCOUNT_ID}:group/deployers`,
        inlinePolicies: [],
        attachedPolicies: [{ name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
      },
    ]);
    expect(evidence.policies).toEqual([
      {
        name: 'deploy',
        arn: `arn:aws:iam::${ACCOUNT_ID}:policy/deploy`,
        awsManaged: false,
        document: {
          statements: [
            { sid: 'Deploy', effect: 'Allow', action: ['s3:PutObject', 's3:GetObject'], resource: ['arn:aws:s3:::releases/*'] },
            { effect: 'Allow', action: ['cloudformation:*'], notResource: ['arn:aws:cloudformation:*:*:stack/prod-*'] },
          ],
        },
      },
      { name: 'ReadOnlyAccess', arn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', awsManaged: true },
    ]);
  });

  it('fails on a policy document it cannot understand', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      UserDetailList: [
        {
          UserName: 'odd',
          Arn: `arn:aws:iam::${ACCOUNT_ID}:user/odd`,
          UserPolicyList: [{ PolicyName: 'p', PolicyDocument: encoded({ Statement: { Effect: 'Maybe', Action: '*' } }) }],
        },
      ],
    });
    await expect(collect(iamAuthorization, testContext('us-east-1'))).rejects.toThrow(/Unexpected Effect in policy document: Maybe/);
  });

  it('lets AccessDenied propagate', async () => {
    iam.on(GetAccountAuthorizationDetailsCommand).rejects(denied());
    await expect(collect(iamAuthorization, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('iam.awsManagedPolicies', () => {
  const S3_FULL = 'arn:aws:iam::aws:policy/AmazonS3FullAccess';
  const READ_ONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
  const ADMIN = 'arn:aws:iam::aws:policy/AdministratorAccess';

  /** alice and svc-deploy hold active keys; idle holds none. */
  function authorizationWith() {
    iam.on(GetCredentialReportCommand).resolves(reportResponse());
    iam.on(GetAccountAuthorizationDetailsCommand).resolves({
      UserDetailList: [
        { UserName: 'svc-deploy', Arn: `arn:aws:iam::${ACCOUNT_ID}:user/ci/svc-deploy`, GroupList: ['deployers'], AttachedManagedPolicies: [{ PolicyName: 'AmazonS3FullAccess', PolicyArn: S3_FULL }] },
        { UserName: 'idle', Arn: `arn:aws:iam::${ACCOUNT_ID}:user/idle`, AttachedManagedPolicies: [{ PolicyName: 'AdministratorAccess', PolicyArn: ADMIN }] },
      ],
      GroupDetailList: [{ GroupName: 'deployers', Arn: `arn:aws:iam::${ACCOUNT_ID}:group/deployers`, AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: READ_ONLY }] }],
    });
    iam.on(GetPolicyCommand, { PolicyArn: S3_FULL }).resolves({ Policy: { PolicyName: 'AmazonS3FullAccess', Arn: S3_FULL, DefaultVersionId: 'v2' } });
    iam.on(GetPolicyVersionCommand, { PolicyArn: S3_FULL, VersionId: 'v2' }).resolves({
      PolicyVersion: { VersionId: 'v2', IsDefaultVersion: true, Document: encoded({ Statement: [{ Effect: 'Allow', Action: ['s3:*', 's3-object-lambda:*'], Resource: '*' }] }) },
    });
    iam.on(GetPolicyCommand, { PolicyArn: READ_ONLY }).resolves({ Policy: { PolicyName: 'ReadOnlyAccess', Arn: READ_ONLY, DefaultVersionId: 'v9' } });
    iam.on(GetPolicyVersionCommand, { PolicyArn: READ_ONLY, VersionId: 'v9' }).resolves({
      PolicyVersion: { VersionId: 'v9', IsDefaultVersion: true, Document: encoded({ Statement: { Effect: 'Allow', Action: 's3:Get*', Resource: '*' } }) },
    });
  }

  it('reads the default version of each AWS-managed policy attached to a key holder, directly or through a group', async () => {
    authorizationWith();

    const evidence = await collect(awsManagedPolicies, testContext('us-east-1'));

    expect(evidence.policies.map((p) => [p.name, p.versionId, p.document.statements[0]?.action])).toEqual([
      ['AmazonS3FullAccess', 'v2', ['s3:*', 's3-object-lambda:*']],
      ['ReadOnlyAccess', 'v9', ['s3:Get*']],
    ]);
    // idle has no active key: its AdministratorAccess is not fetched.
    expect(iam.commandCalls(GetPolicyCommand).map((c) => c.args[0].input.PolicyArn).sort()).toEqual([S3_FULL, READ_ONLY]);
  });

  it('fetches through the scan\'s shared cache, once per policy', async () => {
    authorizationWith();
    const ctx = testContext('us-east-1');
    const keys: string[] = [];
    const cached = new Map<string, Promise<unknown>>();
    ctx.shared = {
      get: <T>(key: string, fetch: () => Promise<T>) => {
        keys.push(key);
        if (!cached.has(key)) cached.set(key, fetch());
        return cached.get(key) as Promise<T>;
      },
    };

    await collect(awsManagedPolicies, ctx);
    await collect(awsManagedPolicies, { ...ctx, dataset: ctx.dataset });

    expect(keys.sort()).toEqual([`iam:aws-managed-policy:${S3_FULL}`, `iam:aws-managed-policy:${S3_FULL}`, `iam:aws-managed-policy:${READ_ONLY}`, `iam:aws-managed-policy:${READ_ONLY}`].sort());
    expect(iam.commandCalls(GetPolicyVersionCommand)).toHaveLength(2);
  });

  it('lets AccessDenied propagate', async () => {
    authorizationWith();
    iam.on(GetPolicyCommand).rejects(denied());
    await expect(collect(awsManagedPolicies, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('iam.accessKeys', () => {
  it('lists keys only for users the report shows with an active key, following pages', async () => {
    iam.on(GetCredentialReportCommand).resolves(reportResponse());
    iam
      .on(ListAccessKeysCommand, { UserName: 'alice' })
      .resolvesOnce({
        AccessKeyMetadata: [{ UserName: 'alice', AccessKeyId: 'AKIAALICE0000000001', Status: 'Active', CreateDate: new Date('2026-11-16T12:00:00Z') }],
        IsTruncated: true,
        Marker: 'next',
      })
      .resolvesOnce({
        AccessKeyMetadata: [{ UserName: 'alice', AccessKeyId: 'AKIAALICE0000000002', Status: 'Inactive', CreateDate: new Date('2025-02-02T00:00:00Z') }],
        IsTruncated: false,
      });
    iam.on(ListAccessKeysCommand, { UserName: 'svc-deploy' }).resolves({
      AccessKeyMetadata: [{ UserName: 'svc-deploy', AccessKeyId: 'AKIASVC000000000001', Status: 'Active', CreateDate: new Date('2026-11-20T00:00:00Z') }],
    });

    const evidence = await collect(accessKeys, testContext('us-east-1'));

    expect(evidence).toEqual({
      users: [
        {
          userName: 'alice',
          keys: [
            { accessKeyId: 'AKIAALICE0000000001', status: 'Active', createDate: '2026-11-16T12:00:00.000Z' },
            { accessKeyId: 'AKIAALICE0000000002', status: 'Inactive', createDate: '2025-02-02T00:00:00.000Z' },
          ],
        },
        { userName: 'svc-deploy', keys: [{ accessKeyId: 'AKIASVC000000000001', status: 'Active', createDate: '2026-11-20T00:00:00.000Z' }] },
      ],
      deletedUsers: [],
    });
    const asked = iam.commandCalls(ListAccessKeysCommand).map((call) => call.args[0].input.UserName);
    expect(asked).not.toContain('<root_account>');
    expect(iam.commandCalls(GetCredentialReportCommand)).toHaveLength(1);
  });

  it('records users deleted since the report instead of failing', async () => {
    iam.on(GetCredentialReportCommand).resolves(reportResponse());
    iam.on(ListAccessKeysCommand, { UserName: 'alice' }).rejects(new NoSuchEntityException({ message: 'gone', $metadata: {} }));
    iam.on(ListAccessKeysCommand, { UserName: 'svc-deploy' }).resolves({ AccessKeyMetadata: [] });

    const evidence = await collect(accessKeys, testContext('us-east-1'));

    expect(evidence).toEqual({ users: [{ userName: 'svc-deploy', keys: [] }], deletedUsers: ['alice'] });
  });

  it('lets AccessDenied propagate', async () => {
    iam.on(GetCredentialReportCommand).resolves(reportResponse());
    iam.on(ListAccessKeysCommand).rejects(denied());
    await expect(collect(accessKeys, testContext('us-east-1'))).rejects.toMatchObject({ name: 'AccessDenied' });
  });
});

describe('iam.serverCertificates', () => {
  it('lists every certificate across pages', async () => {
    iam
      .on(ListServerCertificatesCommand)
      .resolvesOnce({
        ServerCertificateMetadataList: [
          {
            Path: '/',
            ServerCertificateName: 'legacy-elb',
            ServerCertificateId: 'ASCA1',
            Arn: `arn:aws:iam::${ACCOUNT_ID}:server-certificate/legacy-elb`,
            Expiration: new Date('2026-12-01T00:00:00Z'),
            UploadDate: new Date('2025-12-01T00:00:00Z'),
          },
        ],
        IsTruncated: true,
        Marker: 'm',
      })
      .resolvesOnce({
        ServerCertificateMetadataList: [
          {
            Path: '/cloudfront/',
            ServerCertificateName: 'cdn',
            ServerCertificateId: 'ASCA2',
            Arn: `arn:aws:iam::${ACCOUNT_ID}:server-certificate/cloudfront/cdn`,
            Expiration: new Date('2027-06-01T00:00:00Z'),
          },
        ],
      });

    expect(await collect(serverCertificates, testContext('us-east-1'))).toEqual({
      certificates: [
        {
          name: 'legacy-elb',
          arn: `arn:aws:iam::${ACCOUNT_ID}:server-certificate/legacy-elb`,
          id: 'ASCA1',
          expiration: '2026-12-01T00:00:00.000Z',
          uploadDate: '2025-12-01T00:00:00.000Z',
        },
        { name: 'cdn', arn: `arn:aws:iam::${ACCOUNT_ID}:server-certificate/cloudfront/cdn`, id: 'ASCA2', expiration: '2027-06-01T00:00:00.000Z' },
      ],
    });
  });
});
