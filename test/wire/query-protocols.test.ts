// awsQuery (STS, IAM) and ec2Query (EC2) through the real SDK clients.

import {
  DescribeImagesCommand,
  DescribeInstancesCommand,
  DescribeLaunchTemplatesCommand,
  DescribeLaunchTemplateVersionsCommand,
  DescribeRegionsCommand,
  EC2Client,
  GetInstanceMetadataDefaultsCommand,
  paginateDescribeInstances,
} from '@aws-sdk/client-ec2';
import {
  GenerateCredentialReportCommand,
  GetCredentialReportCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListServerCertificatesCommand,
  paginateGetAccountAuthorizationDetails,
} from '@aws-sdk/client-iam';
import { DescribeLoadBalancersCommand as DescribeClassicLoadBalancersCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import {
  DescribeListenerCertificatesCommand,
  DescribeListenersCommand,
  DescribeLoadBalancersCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { describe, expect, it } from 'vitest';
import { DENIED, MGMT, PROD, SUSPENDED, wireScenario } from './fixtures.js';
import { assumeInto, sdkConfig, useFakeAws } from './harness.js';

const fake = useFakeAws(() => ({
  ...wireScenario(),
  faults: {
    throttle: [
      { action: 'iam:ListAccessKeys', count: 2 },
      { action: 'ec2:DescribeLaunchTemplates', count: 2 },
    ],
  },
}));

async function rejection(promise: Promise<unknown>): Promise<Error & { $metadata?: { httpStatusCode?: number; requestId?: string } }> {
  try {
    await promise;
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected the call to fail');
}

describe('STS (awsQuery)', () => {
  it('identifies the base caller as the management account, with a request id', async () => {
    const out = await new STSClient(sdkConfig('us-east-1')).send(new GetCallerIdentityCommand({}));
    expect(out.Account).toBe(MGMT);
    expect(out.Arn).toBe(`arn:aws:iam::${MGMT}:user/auditor`);
    expect(out.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('assumes the audit role into a member account, whose calls then act as that account', async () => {
    const creds = await assumeInto(PROD);
    expect(creds.accessKeyId).toMatch(new RegExp(`^ASIA${PROD}`));
    expect(creds.expiration!.getTime()).toBeGreaterThan(Date.now() + 3_000_000);
    const who = await new STSClient(sdkConfig('eu-west-1', creds)).send(new GetCallerIdentityCommand({}));
    expect(who.Account).toBe(PROD);
    expect(who.Arn).toBe(`arn:aws:sts::${PROD}:assumed-role/PartnerAuditReadOnly/wire-test`);
  });

  it.each([
    ['an account whose role does not trust us', DENIED, 'wire-test-external-id'],
    ['a suspended account', SUSPENDED, 'wire-test-external-id'],
    ['a wrong ExternalId', PROD, 'wrong'],
  ])('refuses AssumeRole for %s with AccessDenied', async (_what, accountId, externalId) => {
    const sts = new STSClient(sdkConfig('us-east-1'));
    const err = await rejection(
      sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${accountId}:role/PartnerAuditReadOnly`, RoleSessionName: 's', ExternalId: externalId })),
    );
    expect(err.name).toBe('AccessDenied');
    expect(err.message).toContain('is not authorized to perform: sts:AssumeRole');
    expect(err.$metadata?.httpStatusCode).toBe(403);
    expect(err.$metadata?.requestId).toBeTruthy();
  });
});

describe('IAM (awsQuery)', () => {
  const iam = () => new IAMClient(sdkConfig('us-east-1'));

  it('generates the credential report, then returns it as CSV with its generation time', async () => {
    expect(await rejection(iam().send(new GetCredentialReportCommand({})))).toMatchObject({ name: 'CredentialReportNotPresentException' });
    expect((await iam().send(new GenerateCredentialReportCommand({}))).State).toBe('STARTED');
    expect((await iam().send(new GenerateCredentialReportCommand({}))).State).toBe('COMPLETE');
    const report = await iam().send(new GetCredentialReportCommand({}));
    expect(report.GeneratedTime).toBeInstanceOf(Date);
    const csv = Buffer.from(report.Content!).toString('utf8').trim().split('\n');
    expect(csv[0]).toMatch(/^user,arn,user_creation_time,password_enabled,/);
    expect(csv[1]).toMatch(new RegExp(`^<root_account>,arn:aws:iam::${MGMT}:root,.*,true,\\d{4}-`));
    expect(csv.map((line) => line.split(',')[0])).toEqual(['user', '<root_account>', 'alice', 'ci-deployer', 'backup-bot']);
  });

  it('pages through authorization details with IsTruncated and Marker, policy documents URL-encoded', async () => {
    const pages = [];
    for await (const page of paginateGetAccountAuthorizationDetails({ client: iam(), pageSize: 2 }, { Filter: ['User', 'Group', 'LocalManagedPolicy'] })) {
      pages.push(page);
    }
    expect(pages.length).toBe(3);
    expect(pages[0]!.IsTruncated).toBe(true);
    const users = pages.flatMap((p) => p.UserDetailList ?? []);
    expect(users.map((u) => u.UserName)).toEqual(['alice', 'ci-deployer', 'backup-bot']);
    expect(users[1]!.AttachedManagedPolicies).toEqual([{ PolicyName: 'AdministratorAccess', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }]);
    expect(users[1]!.GroupList).toEqual(['deployers']);
    const lock = JSON.parse(decodeURIComponent(users[2]!.UserPolicyList![0]!.PolicyDocument!));
    expect(lock.Statement[0].Condition.NotIpAddress['aws:SourceIp']).toEqual(['203.0.113.0/24']);
    const policies = pages.flatMap((p) => p.Policies ?? []);
    expect(policies.map((p) => p.PolicyName)).toEqual(['deploy-policy']);
    expect(policies[0]!.PolicyVersionList![0]!.IsDefaultVersion).toBe(true);
  });

  it('retries Throttling (400) to success under the standard retry strategy', async () => {
    const before = fake().stats().errors.Throttling ?? 0;
    const out = await iam().send(new ListAccessKeysCommand({ UserName: 'ci-deployer' }));
    expect(out.$metadata.attempts).toBe(3);
    expect(fake().stats().errors.Throttling! - before).toBe(2);
    expect(out.AccessKeyMetadata!.map((k) => k.Status)).toEqual(['Active', 'Inactive']);
    expect(out.AccessKeyMetadata![0]!.CreateDate).toBeInstanceOf(Date);
  });

  it('answers NoSuchEntity for an unknown user and lists server certificates', async () => {
    expect(await rejection(iam().send(new ListAccessKeysCommand({ UserName: 'nobody' })))).toMatchObject({ name: 'NoSuchEntityException' });
    const certs = await iam().send(new ListServerCertificatesCommand({}));
    expect(certs.ServerCertificateMetadataList![0]).toMatchObject({ ServerCertificateName: 'legacy-elb' });
    expect(certs.ServerCertificateMetadataList![0]!.Expiration).toBeInstanceOf(Date);
  });
});

describe('EC2 (ec2Query)', () => {
  const ec2 = async (region: string) => new EC2Client(sdkConfig(region, await assumeInto(PROD)));

  it('lists enabled regions, and with AllRegions the one not opted in', async () => {
    const client = await ec2('us-east-1');
    const enabled = await client.send(new DescribeRegionsCommand({}));
    expect(enabled.Regions!.map((r) => r.RegionName)).toEqual(['us-east-1', 'eu-west-1']);
    const all = await client.send(new DescribeRegionsCommand({ AllRegions: true }));
    expect(all.Regions!.find((r) => r.RegionName === 'ap-east-1')).toMatchObject({ OptInStatus: 'not-opted-in' });
    expect(enabled.$metadata.requestId).toBeTruthy();
  });

  it('pages DescribeInstances with MaxResults and NextToken, with metadata options', async () => {
    const client = await ec2('eu-west-1');
    const pages = [];
    for await (const page of paginateDescribeInstances({ client, pageSize: 5 }, {})) pages.push(page);
    expect(pages.length).toBe(3);
    const instances = pages.flatMap((p) => p.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    expect(instances).toHaveLength(12);
    expect(instances[0]!.MetadataOptions).toMatchObject({ HttpTokens: 'optional', HttpEndpoint: 'enabled', HttpPutResponseHopLimit: 2 });
    expect(instances[11]!.State).toEqual({ Code: 48, Name: 'terminated' });
    const err = await rejection(client.send(new DescribeInstancesCommand({ MaxResults: 2 })));
    expect(err.name).toBe('InvalidParameterValue');
  });

  it('retries RequestLimitExceeded (503) to success', async () => {
    const client = await ec2('eu-west-1');
    const out = await client.send(new DescribeLaunchTemplatesCommand({}));
    expect(out.$metadata.attempts).toBe(3);
    expect(out.LaunchTemplates!.map((t) => t.LaunchTemplateName)).toEqual(['web', 'worker']);
  });

  it('reads the default template version, account IMDS defaults and AMI IMDS support', async () => {
    const client = await ec2('eu-west-1');
    const web = await client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: 'lt-0aaaaaaaaaaaaaaaa', Versions: ['$Default'] }));
    expect(web.LaunchTemplateVersions![0]!.LaunchTemplateData).toMatchObject({ ImageId: 'ami-0aaaaaaaaaaaaaaaa', MetadataOptions: { HttpTokens: 'optional' } });
    const worker = await client.send(new DescribeLaunchTemplateVersionsCommand({ LaunchTemplateId: 'lt-0bbbbbbbbbbbbbbbb', Versions: ['$Default'] }));
    expect(worker.LaunchTemplateVersions![0]!.LaunchTemplateData!.MetadataOptions).toBeUndefined();
    const defaults = await client.send(new GetInstanceMetadataDefaultsCommand({}));
    expect(defaults.AccountLevel).toMatchObject({ HttpTokens: 'required', HttpPutResponseHopLimit: 2 });
    const images = await client.send(new DescribeImagesCommand({ Filters: [{ Name: 'image-id', Values: ['ami-0aaaaaaaaaaaaaaaa', 'ami-0bbbbbbbbbbbbbbbb'] }] }));
    expect(images.Images).toEqual([expect.objectContaining({ ImageId: 'ami-0aaaaaaaaaaaaaaaa', ImdsSupport: 'v2.0' })]);
    const missing = await rejection(client.send(new DescribeImagesCommand({ ImageIds: ['ami-0bbbbbbbbbbbbbbbb'] })));
    expect(missing.name).toBe('InvalidAMIID.NotFound');
  });

  it('answers AuthFailure (401) in an opt-in region the account has not enabled', async () => {
    const client = await ec2('ap-east-1');
    const err = await rejection(client.send(new DescribeInstancesCommand({ MaxResults: 5 })));
    expect(err.name).toBe('AuthFailure');
    expect(err.$metadata?.httpStatusCode).toBe(401);
    expect(err.$metadata?.requestId).toBeTruthy();
  });
});

describe('Elastic Load Balancing (awsQuery, two API versions on one signing name)', () => {
  it('answers v2 and Classic DescribeLoadBalancers by the request\'s Version', async () => {
    const v2 = await new ElasticLoadBalancingV2Client(sdkConfig('eu-west-1')).send(new DescribeLoadBalancersCommand({}));
    expect(v2.LoadBalancers!.map((lb) => [lb.LoadBalancerName, lb.Type, lb.Scheme, lb.AvailabilityZones!.length])).toEqual([
      ['web', 'application', 'internet-facing', 2],
      ['ingest', 'network', 'internal', 1],
    ]);
    const classic = await new ElasticLoadBalancingClient(sdkConfig('eu-west-1')).send(new DescribeClassicLoadBalancersCommand({}));
    expect(classic.LoadBalancerDescriptions!.map((lb) => [lb.LoadBalancerName, lb.AvailabilityZones])).toEqual([['legacy', ['eu-west-1a', 'eu-west-1b']]]);
    expect(classic.LoadBalancerDescriptions![0]!.ListenerDescriptions![0]!.Listener).toMatchObject({
      Protocol: 'HTTPS',
      LoadBalancerPort: 443,
      SSLCertificateId: `arn:aws:iam::${MGMT}:server-certificate/legacy-elb`,
    });
  });

  it('names the default certificate in DescribeListeners and every one in DescribeListenerCertificates', async () => {
    const client = new ElasticLoadBalancingV2Client(sdkConfig('eu-west-1'));
    const { LoadBalancers } = await client.send(new DescribeLoadBalancersCommand({ PageSize: 1 }));
    const { Listeners } = await client.send(new DescribeListenersCommand({ LoadBalancerArn: LoadBalancers![0]!.LoadBalancerArn }));
    const [https, http] = Listeners!;
    expect(https!.Certificates).toEqual([{ CertificateArn: `arn:aws:acm:eu-west-1:${MGMT}:certificate/web` }]);
    expect(http!.DefaultActions![0]).toMatchObject({ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', StatusCode: 'HTTP_301' } });
    const { Certificates } = await client.send(new DescribeListenerCertificatesCommand({ ListenerArn: https!.ListenerArn }));
    expect(Certificates!.map((c) => [c.CertificateArn, c.IsDefault])).toEqual([
      [`arn:aws:acm:eu-west-1:${MGMT}:certificate/web`, true],
      [`arn:aws:iam::${MGMT}:server-certificate/legacy-elb`, false],
    ]);
  });

  it('answers LoadBalancerNotFound, which the SDK names LoadBalancerNotFoundException', async () => {
    const client = new ElasticLoadBalancingV2Client(sdkConfig('eu-west-1'));
    const err = await rejection(client.send(new DescribeListenersCommand({ LoadBalancerArn: 'arn:aws:elasticloadbalancing:eu-west-1:111111111111:loadbalancer/app/gone/1' })));
    expect(err.name).toBe('LoadBalancerNotFoundException');
  });
});
