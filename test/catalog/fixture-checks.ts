// Two small checks for testing the metadata views without depending on the real check set.

import { credentialReport, iamAuthorization } from '../../src/datasets/iam/datasets.js';
import { supportPlan } from '../../src/datasets/support/datasets.js';
import { defineCheck, type AnyCheck } from '../../src/contract/check.js';

const supportFixture: AnyCheck = defineCheck({
  id: 'support-plan-business',
  title: 'A Business-level support plan or higher is active',
  description: 'Reads the support severity levels.',
  requirements: { 'smb-competency': ['SUP-001'], 'ftr-partner-hosted': ['SUP-001'] },
  severity: 'high',
  scope: 'account',
  uses: { plan: supportPlan },
  remediation: 'Subscribe to Business Support | or attest Partner-Led Support.',
  docsUrl: 'https://docs.aws.amazon.com/awssupport/latest/user/aws-support-plans.html',
  messages: { ok: 'ok' },
  evaluate: () => [],
});

export const keysFixture: AnyCheck = defineCheck({
  id: 'iam-access-keys-interactive-only',
  title: 'Static access keys belong to people',
  description: 'Reads the credential report.',
  requirements: { 'smb-competency': ['IAM-002'] },
  severity: 'critical',
  scope: 'account',
  uses: { report: credentialReport },
  optionalUses: { authorization: iamAuthorization },
  remediation: 'Replace service user keys with roles.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_access-keys.html',
  messages: { ok: 'ok' },
  evaluate: () => [],
});

export const FIXTURE_CHECKS: readonly AnyCheck[] = [supportFixture, keysFixture];
