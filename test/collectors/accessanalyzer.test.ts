import { AccessAnalyzerClient, AccessDeniedException, ListAnalyzersCommand, ListFindingsV2Command } from '@aws-sdk/client-accessanalyzer';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { accessAnalyzers } from '../../src/datasets/accessanalyzer/datasets.js';
import { ACCOUNT_ID, collect, REGION, testContext } from './context.js';

const analyzer = mockClient(AccessAnalyzerClient);
const arn = (name: string) => `arn:aws:access-analyzer:${REGION}:${ACCOUNT_ID}:analyzer/${name}`;
const role = (name: string) => `arn:aws:iam::${ACCOUNT_ID}:role/${name}`;
const at = new Date('2026-01-01T00:00:00Z');
const finding = (resource: string, status: 'ACTIVE' | 'ARCHIVED' | 'RESOLVED', findingType?: 'ExternalAccess' | 'UnusedIAMRole' | 'UnusedPermission') => ({
  id: `${resource}-${status}`, resource, resourceType: 'AWS::IAM::Role' as const, resourceOwnerAccount: ACCOUNT_ID, status, findingType, analyzedAt: at, createdAt: at, updatedAt: at,
});

describe('accessanalyzer.analyzers', () => {
  beforeEach(() => analyzer.reset());

  it('lists analyzers and reads the active findings of the external-access and unused-access ones', async () => {
    analyzer.on(ListAnalyzersCommand).resolves({
      analyzers: [
        { arn: arn('external'), name: 'external', type: 'ACCOUNT', status: 'ACTIVE', createdAt: at },
        { arn: arn('unused'), name: 'unused', type: 'ORGANIZATION_UNUSED_ACCESS', status: 'ACTIVE', createdAt: at },
        { arn: arn('internal'), name: 'internal', type: 'ACCOUNT_INTERNAL_ACCESS', status: 'ACTIVE', createdAt: at },
        { arn: arn('broken'), name: 'broken', type: 'ACCOUNT', status: 'FAILED', createdAt: at },
      ],
    });
    analyzer
      .on(ListFindingsV2Command, { analyzerArn: arn('external') })
      .resolvesOnce({ findings: [finding(role('vendor'), 'ACTIVE', 'ExternalAccess'), finding(role('old'), 'ARCHIVED', 'ExternalAccess')], nextToken: 'n' })
      .resolves({ findings: [finding(role('vendor'), 'ACTIVE', 'ExternalAccess')] });
    analyzer.on(ListFindingsV2Command, { analyzerArn: arn('unused') }).resolves({
      findings: [finding(role('a'), 'ACTIVE', 'UnusedIAMRole'), finding(role('b'), 'ACTIVE', 'UnusedPermission'), finding(role('c'), 'ACTIVE', 'UnusedIAMRole'), finding(role('d'), 'RESOLVED', 'UnusedIAMRole')],
    });
    expect(await collect(accessAnalyzers, testContext())).toEqual({
      analyzers: [
        { arn: arn('external'), name: 'external', type: 'ACCOUNT', status: 'ACTIVE', rolesWithExternalAccess: [role('vendor')] },
        { arn: arn('unused'), name: 'unused', type: 'ORGANIZATION_UNUSED_ACCESS', status: 'ACTIVE', activeUnusedFindings: { UnusedIAMRole: 2, UnusedPermission: 1 } },
        { arn: arn('internal'), name: 'internal', type: 'ACCOUNT_INTERNAL_ACCESS', status: 'ACTIVE' },
        { arn: arn('broken'), name: 'broken', type: 'ACCOUNT', status: 'FAILED' },
      ],
    });
    const calls = analyzer.commandCalls(ListFindingsV2Command).map((c) => c.args[0].input);
    expect(calls.filter((c) => c.analyzerArn === arn('external')).map((c) => c.filter)).toEqual([{ resourceType: { eq: ['AWS::IAM::Role'] } }, { resourceType: { eq: ['AWS::IAM::Role'] } }]);
    expect(calls.filter((c) => c.analyzerArn === arn('unused')).map((c) => c.filter)).toEqual([undefined]);
  });

  it('answers an empty list where Access Analyzer is not set up', async () => {
    analyzer.on(ListAnalyzersCommand).resolves({ analyzers: [] });
    expect(await collect(accessAnalyzers, testContext())).toEqual({ analyzers: [] });
    expect(analyzer.commandCalls(ListFindingsV2Command)).toHaveLength(0);
  });

  it('lets AccessDenied propagate', async () => {
    analyzer.on(ListAnalyzersCommand).rejects(new AccessDeniedException({ message: 'denied', $metadata: {} }));
    await expect(collect(accessAnalyzers, testContext())).rejects.toBeInstanceOf(AccessDeniedException);
  });
});
