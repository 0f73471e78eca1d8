import { defineCheck, type Outcome } from '../src/contract/check.js';
import { managedSecrets } from '../src/datasets/secretsmanager/datasets.js';
import { secureStringParameters } from '../src/datasets/ssm/datasets.js';
import { accountArn } from './lib/arn.js';
import { readTogether, type RegionViewMessageId } from './lib/region-evidence.js';
import { REGION_VIEW_MESSAGES } from './lib/region-views.js';

const MESSAGES = {
  storesInUse:
    'Secrets are kept in managed stores: {secrets} Secrets Manager secret(s) ({rotating} rotating automatically, {notRotating} not) and {parameters} SecureString parameter(s), in {regions}.',
  noneSeen: 'No Secrets Manager secret or SecureString parameter in any region scanned; attest where the workload\'s secrets are stored.',
  ...REGION_VIEW_MESSAGES,
} as const;

type MessageId = keyof typeof MESSAGES | RegionViewMessageId;

export default defineCheck({
  id: 'secretsmanager-secrets-in-managed-stores',
  title: 'Secrets are kept in Secrets Manager or Parameter Store',
  description:
    'Counts, in every region scanned, the Secrets Manager secrets (with automatic rotation on or off) and the Systems Manager SecureString ' +
    'parameters: any is evidence that secrets live in an encrypted, access-controlled, logged store, and passes (never their values: only ' +
    'names and counts are read). None warns. A partner product or an in-house store also qualifies; that secrets are encrypted, access is ' +
    'fine-grained and reads are logged is attested. Credentials found in code or configuration (FTR IAM-009) are judged by that check.',
  requirements: { 'ftr-partner-hosted': ['IAM-010'] },
  severity: 'medium',
  scope: 'account',
  uses: { secrets: managedSecrets, parameters: secureStringParameters },
  remediation:
    'Move secrets into AWS Secrets Manager (`aws secretsmanager create-secret`, with rotation where the secret supports it) or SecureString ' +
    'parameters, grant reads per role, and read them at run time instead of keeping them in code or environment variables.',
  docsUrl: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/intro.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const resource = accountArn(input);
    const { secrets, parameters } = input.data;
    const { read, unread } = readTogether({ secrets, parameters }, { secrets: managedSecrets.id, parameters: secureStringParameters.id }, input.closedRegions, resource);
    // Nothing read, nothing to say about what exists: the unread regions' errors are the whole verdict.
    if (read.length === 0) return unread;
    const all = read.flatMap(({ data }) => data.secrets.secrets);
    const parameterCount = read.reduce((sum, { data }) => sum + data.parameters.parameters.length, 0);
    const inUse = read.filter(({ data }) => data.secrets.secrets.length + data.parameters.parameters.length > 0).map((r) => r.region);
    const evidence = {
      byRegion: Object.fromEntries(
        read.map(({ region, data }) => [region, { secrets: data.secrets.secrets.map(({ name, rotationEnabled }) => ({ name, rotationEnabled })), secureStrings: data.parameters.parameters.length }]),
      ),
    };
    if (inUse.length > 0) {
      const rotating = all.filter((s) => s.rotationEnabled).length;
      const params = { secrets: all.length, rotating, notRotating: all.length - rotating, parameters: parameterCount, regions: inUse.join(', ') };
      return [{ status: 'PASS', messageId: 'storesInUse', resource, params, evidence }];
    }
    const outcomes: Outcome<MessageId>[] = [...unread, { status: 'WARN', messageId: 'noneSeen', resource, evidence }];
    return outcomes;
  },
});
