import {
  AccessDeniedException,
  AWSOrganizationsNotInUseException,
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
  TooManyRequestsException,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { accountEmails, callerOrganization, organizationMembership } from '../../src/datasets/organizations/datasets.js';
import type { CollectContext } from '../../src/contract/collector.js';
import { collect, testContext } from './context.js';

const organizations = mockClient(OrganizationsClient);

describe('organizations.membership', () => {
  beforeEach(() => organizations.reset());

  it('reports the organization and its management account', async () => {
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc123', MasterAccountId: '999988887777' } });
    expect(await collect(organizationMembership, testContext())).toEqual({
      inOrganization: true,
      organizationId: 'o-abc123',
      managementAccountId: '999988887777',
    });
  });

  it('turns AWSOrganizationsNotInUseException into inOrganization=false', async () => {
    organizations
      .on(DescribeOrganizationCommand)
      .rejects(new AWSOrganizationsNotInUseException({ message: 'not in use', $metadata: {} }));
    expect(await collect(organizationMembership, testContext())).toEqual({ inOrganization: false });
  });

  it('lets AccessDenied propagate', async () => {
    organizations.on(DescribeOrganizationCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(organizationMembership, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});

/** A context whose shared cache works like the scan's: one fetch per key. */
function sharingContext(): CollectContext {
  const cache = new Map<string, Promise<unknown>>();
  return { ...testContext('us-east-1'), shared: { get: (key, fetch) => (cache.get(key) ?? cache.set(key, fetch()).get(key)!) as never } };
}

describe('organizations.accountEmails', () => {
  beforeEach(() => organizations.reset());

  it('maps each account of the organization to its root email, across pages', async () => {
    organizations
      .on(ListAccountsCommand)
      .resolvesOnce({ Accounts: [{ Id: '111111111111', Email: 'aws-mgmt@example.com' }], NextToken: 't' })
      .resolves({ Accounts: [{ Id: '222222222222', Email: 'aws-prod@example.com' }] });
    expect(await collect(accountEmails, testContext('us-east-1'))).toEqual({ emails: { '111111111111': 'aws-mgmt@example.com', '222222222222': 'aws-prod@example.com' } });
  });

  it('shares one ListAccounts with organizations.callerOrganization', async () => {
    organizations.on(DescribeOrganizationCommand).resolves({ Organization: { Id: 'o-abc123', MasterAccountId: '111111111111' } });
    organizations.on(ListAccountsCommand).resolves({ Accounts: [{ Id: '111111111111', Email: 'aws-mgmt@example.com' }] });
    const ctx = sharingContext();
    const [emails, organization] = await Promise.all([collect(accountEmails, ctx), collect(callerOrganization, ctx)]);
    expect(emails.emails).toEqual({ '111111111111': 'aws-mgmt@example.com' });
    expect(organization.memberAccountIds).toEqual(['111111111111']);
    expect(organizations.commandCalls(ListAccountsCommand)).toHaveLength(1);
  });

  it.each([
    ['a standalone caller', () => new AWSOrganizationsNotInUseException({ message: 'not in use', $metadata: {} }), 'AWSOrganizationsNotInUseException'],
    ['a member account', () => new AccessDeniedException({ message: 'You don\'t have permissions to access this resource.', $metadata: {} }), 'AccessDeniedException'],
  ])('records the refusal to %s as an answer', async (_who, error, code) => {
    organizations.on(ListAccountsCommand).rejects(error());
    expect(await collect(accountEmails, testContext('us-east-1'))).toEqual({ refusal: { code, message: expect.any(String) } });
  });

  it('lets throttling propagate', async () => {
    organizations.on(ListAccountsCommand).rejects(new TooManyRequestsException({ message: 'slow down', $metadata: {} }));
    await expect(collect(accountEmails, testContext('us-east-1'))).rejects.toBeInstanceOf(TooManyRequestsException);
  });
});
