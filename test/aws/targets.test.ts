import {
  ListAccountsCommand,
  ListTagsForResourceCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { mockClient } from 'aws-sdk-client-mock';
import { afterEach, describe, expect, test } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import { resolveTargets, type OrganizationFilter } from '../../src/aws/targets.js';
import { RuntimeError } from '../../src/errors.js';
import { fakeHttp } from './fake-http.js';

const org = mockClient(OrganizationsClient);
afterEach(() => org.reset());

const CALLER = '999999999999';
const pool = createClientPool({
  settings: {
    concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: 4, perService: 2 },
    retry: { mode: 'standard', maxAttempts: 2 },
    timeouts: { connectMs: 100, requestMs: 100 },
  },
  requestHandler: fakeHttp(() => ({ status: 500 })),
});
const clients = pool.factory({ accountId: CALLER, region: 'us-east-1', credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }) });

function filter(overrides: Partial<OrganizationFilter> = {}): OrganizationFilter {
  return { enabled: true, includeAccounts: [], excludeAccounts: [], includeTags: {}, excludeTags: {}, ...overrides };
}

function mockOrganization(): void {
  org
    .on(ListAccountsCommand)
    .resolvesOnce({ Accounts: [{ Id: '333333333333', Name: 'prod', State: 'ACTIVE' }], NextToken: 't1' })
    // An empty page that still carries a token: the listing is not over.
    .resolvesOnce({ Accounts: [], NextToken: 't2' })
    .resolvesOnce({
      Accounts: [
        { Id: '111111111111', Name: 'dev', Status: 'ACTIVE' },
        { Id: '444444444444', Name: 'gone', State: 'SUSPENDED', Status: 'SUSPENDED' },
        { Id: '555555555555', Name: 'closing', State: 'PENDING_CLOSURE' },
        { Id: '666666666666', Name: 'old', Status: 'SUSPENDED' },
        { Id: '777777777777', Name: 'closed', State: 'CLOSED', Status: 'ACTIVE' },
        { Id: '222222222222', State: 'ACTIVE' },
      ],
    });
  org.on(ListTagsForResourceCommand, { ResourceId: '111111111111' }).resolves({ Tags: [{ Key: 'env', Value: 'dev' }] });
  org
    .on(ListTagsForResourceCommand, { ResourceId: '222222222222' })
    .resolvesOnce({ Tags: [{ Key: 'env', Value: 'prod' }], NextToken: 'n' })
    .resolvesOnce({ Tags: [{ Key: 'audit', Value: 'skip' }] });
  org.on(ListTagsForResourceCommand, { ResourceId: '333333333333' }).resolves({ Tags: [{ Key: 'env', Value: 'prod' }] });
}

describe('resolveTargets', () => {
  test('without accounts or --org: the caller account only', async () => {
    expect(await resolveTargets({ callerAccountId: CALLER, clients })).toEqual([{ accountId: CALLER }]);
    expect(org.calls()).toHaveLength(0);
  });

  test('an explicit list, without duplicates and without calling Organizations', async () => {
    const targets = await resolveTargets({ accounts: ['111111111111', '222222222222', '111111111111'], callerAccountId: CALLER, clients });
    expect(targets).toEqual([{ accountId: '111111111111' }, { accountId: '222222222222' }]);
    expect(org.calls()).toHaveLength(0);
  });

  test('--org: every ACTIVE account across pages, an empty page included; State wins over Status', async () => {
    mockOrganization();
    const targets = await resolveTargets({ organization: filter(), callerAccountId: CALLER, clients });
    expect(targets).toEqual([
      { accountId: '111111111111', name: 'dev' },
      { accountId: '222222222222' },
      { accountId: '333333333333', name: 'prod' },
    ]);
    // Accounts 111… and 222… sit on the page after the empty one.
    expect(org.commandCalls(ListAccountsCommand)).toHaveLength(3);
    expect(org.commandCalls(ListTagsForResourceCommand)).toHaveLength(0);
  });

  test('--org with readTags: every account keeps its tags, none filtered out', async () => {
    mockOrganization();
    const targets = await resolveTargets({ organization: filter(), callerAccountId: CALLER, clients, readTags: true });
    expect(targets).toEqual([
      { accountId: '111111111111', name: 'dev', tags: { env: 'dev' } },
      { accountId: '222222222222', tags: { env: 'prod', audit: 'skip' } },
      { accountId: '333333333333', name: 'prod', tags: { env: 'prod' } },
    ]);
  });

  test('include and exclude by account ID', async () => {
    mockOrganization();
    const targets = await resolveTargets({
      organization: filter({ includeAccounts: ['111111111111', '333333333333', '444444444444'], excludeAccounts: ['333333333333'] }),
      callerAccountId: CALLER,
      clients,
    });
    expect(targets.map((t) => t.accountId)).toEqual(['111111111111']);
  });

  test('tag filters: all include tags must match, any exclude tag removes; tags are kept', async () => {
    mockOrganization();
    const targets = await resolveTargets({
      organization: filter({ includeTags: { env: 'prod' }, excludeTags: { audit: 'skip' } }),
      callerAccountId: CALLER,
      clients,
    });
    expect(targets).toEqual([{ accountId: '333333333333', name: 'prod', tags: { env: 'prod' } }]);
    // 222… carries the excluded tag on its second page of tags.
    expect(org.commandCalls(ListTagsForResourceCommand, { ResourceId: '222222222222' })).toHaveLength(2);
  });

  test('a refused ListAccounts is a runtime error that says where to run from', async () => {
    org.on(ListAccountsCommand).rejects(Object.assign(new Error('You don’t have permissions to access this resource.'), { name: 'AccessDeniedException' }));
    const run = resolveTargets({ organization: filter(), callerAccountId: CALLER, clients });
    await expect(run).rejects.toBeInstanceOf(RuntimeError);
    await expect(run).rejects.toThrow(/AccessDeniedException.*permissions/);
  });
});
