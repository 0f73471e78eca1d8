// Where account-wide calls go that no service pins to a region (ec2:DescribeRegions): the region the
// SDK is configured with, then the regions the user asked for. us-east-1 is the last resort only,
// because EU-only landing zones close it with a region-deny SCP.

import type * as SdkSts from '@aws-sdk/client-sts';
import { DEFAULT_HOME_REGION } from '../contract/dataset.js';
import { sdkModule } from './sdk-module.js';

const { STSClient } = sdkModule<typeof SdkSts>('@aws-sdk/client-sts');

/** The SDK's region (AWS_REGION, or the profile's `region`), or undefined when none is configured. */
export async function configuredRegion(profile?: string): Promise<string | undefined> {
  const client = new STSClient(profile ? { profile } : {});
  try {
    return await client.config.region();
  } catch (err) {
    // The SDK's words when neither the environment nor the profile names a region.
    if (err instanceof Error && err.message === 'Region is missing') return undefined;
    throw err;
  } finally {
    client.destroy();
  }
}

export function homeRegions(configured: string | undefined, requested: readonly string[] = []): string[] {
  const candidates = [...new Set([configured, ...requested].filter((r): r is string => Boolean(r)))];
  return candidates.length > 0 ? candidates : [DEFAULT_HOME_REGION];
}
