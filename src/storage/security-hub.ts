// `--security-hub`: imports the run's findings, in ASFF (src/report/asff.ts), into the partner's own
// Security Hub, in the region the base credentials are configured for, with those credentials (never
// an audit role). One of the three writes the tool makes, each behind its flag.

import type * as SdkSecurityhub from '@aws-sdk/client-securityhub';
import type { AwsSecurityFinding } from '@aws-sdk/client-securityhub';
import type * as SdkSts from '@aws-sdk/client-sts';
import { classifyError } from '../aws/errors.js';
import { RuntimeError } from '../errors.js';
import type { AsffFinding } from '../report/asff.js';
import { sdkModule } from '../aws/sdk-module.js';

const { BatchImportFindingsCommand, SecurityHubClient } = sdkModule<typeof SdkSecurityhub>('@aws-sdk/client-securityhub');
type SecurityHubClient = SdkSecurityhub.SecurityHubClient;
const { GetCallerIdentityCommand, STSClient } = sdkModule<typeof SdkSts>('@aws-sdk/client-sts');

/** BatchImportFindings takes at most 100 findings per request (API reference, BatchImportFindings). */
const BATCH_SIZE = 100;
/** Refused findings named in the error; the count says how many there were. */
const FAILURES_NAMED = 3;

export interface ImportTarget {
  /** The caller's account: the Security Hub the findings go into. */
  accountId: string;
  region: string;
  partition: string;
}

/**
 * A custom integration's findings carry the account's default product ARN, and with it the calling
 * account as AwsAccountId: "the identifier of the account that you are calling BatchImportFindings
 * from needs to be the same as the AwsAccountId attribute for the finding"
 * (https://docs.aws.amazon.com/securityhub/1.0/APIReference/API_BatchImportFindings.html;
 * https://docs.aws.amazon.com/securityhub/latest/userguide/securityhub-custom-providers.html).
 * The audited account stays in the resource and in a product field.
 */
export function forImport(finding: AsffFinding, target: ImportTarget): AwsSecurityFinding {
  const { partition, region, accountId } = target;
  return {
    ...finding,
    ProductArn: `arn:${partition}:securityhub:${region}:${accountId}:product/${accountId}/default`,
    AwsAccountId: accountId,
    ProductFields: { ...finding.ProductFields, [`${finding.ProductName}/AuditedAccountId`]: finding.AwsAccountId },
  } as AwsSecurityFinding;
}

export interface ImportOutcome {
  imported: number;
}

/** Sends the findings in batches of 100 (the SDK retries throttling); any refused finding fails the import, named. */
export async function importFindings(client: SecurityHubClient, findings: Iterable<AsffFinding> | AsyncIterable<AsffFinding>, target: ImportTarget): Promise<ImportOutcome> {
  let imported = 0;
  let refused = 0;
  const named: string[] = [];
  const send = async (batch: AwsSecurityFinding[]): Promise<void> => {
    try {
      const out = await client.send(new BatchImportFindingsCommand({ Findings: batch }));
      imported += out.SuccessCount ?? 0;
      refused += out.FailedCount ?? 0;
      for (const failed of out.FailedFindings ?? []) {
        if (named.length < FAILURES_NAMED) named.push(`${failed.Id}: ${failed.ErrorCode} ${failed.ErrorMessage ?? ''}`.trim());
      }
    } catch (err) {
      const e = classifyError(err, 'securityhub:BatchImportFindings');
      throw new RuntimeError(`Security Hub import into ${target.accountId} ${target.region} failed after ${imported} finding(s): ${e.code}: ${e.message}`);
    }
  };
  let batch: AwsSecurityFinding[] = [];
  for await (const finding of findings) {
    batch.push(forImport(finding, target));
    if (batch.length === BATCH_SIZE) {
      await send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await send(batch);
  if (refused > 0) {
    throw new RuntimeError(`Security Hub refused ${refused} of ${imported + refused} finding(s) (${named.join('; ')})`);
  }
  return { imported };
}

export interface SecurityHubOptions {
  region: string;
  profile?: string;
  maxAttempts?: number;
  retryMode?: string;
}

/** Imports with the base credentials into the caller's own Security Hub in `region`. */
export async function importIntoSecurityHub(findings: Iterable<AsffFinding> | AsyncIterable<AsffFinding>, options: SecurityHubOptions): Promise<ImportOutcome> {
  const { region, profile, maxAttempts, retryMode } = options;
  const config = { region, ...(profile ? { profile } : {}), ...(maxAttempts ? { maxAttempts } : {}), ...(retryMode ? { retryMode } : {}) };
  const sts = new STSClient(config);
  const hub = new SecurityHubClient(config);
  try {
    const caller = await sts.send(new GetCallerIdentityCommand({}));
    const partition = caller.Arn?.split(':')[1] || 'aws';
    return await importFindings(hub, findings, { accountId: caller.Account!, region, partition });
  } finally {
    sts.destroy();
    hub.destroy();
  }
}
