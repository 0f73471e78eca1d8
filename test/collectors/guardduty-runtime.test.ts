import { GetAdministratorAccountCommand, GetCoverageStatisticsCommand, GetDetectorCommand, GuardDutyClient, ListDetectorsCommand } from '@aws-sdk/client-guardduty';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { guardDutyDetectors, guardDutyRuntimeCoverage } from '../../src/datasets/guardduty/datasets.js';
import { collect, testContext } from './context.js';

const guardDuty = mockClient(GuardDutyClient);

describe('guardduty.detectors features and guardduty.runtimeCoverage', () => {
  beforeEach(() => {
    guardDuty.reset();
    guardDuty.on(ListDetectorsCommand).resolves({ DetectorIds: ['det-a'] });
    guardDuty.on(GetAdministratorAccountCommand).resolves({});
  });

  it('keeps the detector\'s features and reads Runtime Monitoring coverage where it runs', async () => {
    guardDuty.on(GetDetectorCommand).resolves({
      Status: 'ENABLED',
      ServiceRole: 'r',
      Features: [
        { Name: 'RUNTIME_MONITORING', Status: 'ENABLED', AdditionalConfiguration: [{ Name: 'EC2_AGENT_MANAGEMENT', Status: 'ENABLED' }] },
        { Name: 'S3_DATA_EVENTS', Status: 'DISABLED' },
      ],
    });
    guardDuty.on(GetCoverageStatisticsCommand).resolves({ CoverageStatistics: { CountByCoverageStatus: { HEALTHY: 4, UNHEALTHY: 1 }, CountByResourceType: { EC2: 5 } } });
    const ctx = testContext();
    expect((await collect(guardDutyDetectors, ctx)).detectors[0]!.features).toEqual([
      { name: 'RUNTIME_MONITORING', status: 'ENABLED', additional: [{ name: 'EC2_AGENT_MANAGEMENT', status: 'ENABLED' }] },
      { name: 'S3_DATA_EVENTS', status: 'DISABLED', additional: [] },
    ]);
    expect(await collect(guardDutyRuntimeCoverage, ctx)).toEqual({ coverage: [{ detectorId: 'det-a', healthy: 4, unhealthy: 1, byResourceType: { EC2: 5 } }] });
    expect(guardDuty.commandCalls(GetCoverageStatisticsCommand)[0]!.args[0].input.StatisticsType).toEqual(['COUNT_BY_COVERAGE_STATUS', 'COUNT_BY_RESOURCE_TYPE']);
  });

  it('asks no coverage where Runtime Monitoring is off', async () => {
    guardDuty.on(GetDetectorCommand).resolves({ Status: 'ENABLED', ServiceRole: 'r', Features: [{ Name: 'EKS_RUNTIME_MONITORING', Status: 'DISABLED' }] });
    expect(await collect(guardDutyRuntimeCoverage, testContext())).toEqual({ coverage: [] });
    expect(guardDuty.commandCalls(GetCoverageStatisticsCommand)).toHaveLength(0);
  });
});
