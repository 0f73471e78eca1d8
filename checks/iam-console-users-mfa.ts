import { credentialReport, identityProviders, type IdentityProvidersEvidence } from '../src/datasets/iam/datasets.js';
import { identityCenterInstances, type IdentityCenterInstancesEvidence } from '../src/datasets/identitycenter/datasets.js';
import { defineCheck, type DatasetView, type PerRegion } from '../src/contract/check.js';
import { accountArn } from './lib/arn.js';
import { consoleUsers } from './lib/credential-report.js';

interface Federation {
  /** What shows that people federate, in words. */
  summary: string;
  identityCenterInstances: string[];
  samlProviders: string[];
  oidcProviders: string[];
  /** Where the evidence could not be read: region or `IAM providers` → error code. */
  unreadable: Record<string, string>;
}

function federationOf(instances: PerRegion<IdentityCenterInstancesEvidence>, providers: DatasetView<IdentityProvidersEvidence>): Federation {
  const unreadable: Record<string, string> = {};
  const arns = new Set<string>();
  for (const [region, view] of Object.entries(instances)) {
    if (view.ok) view.data.instances.filter((i) => i.status === undefined || i.status === 'ACTIVE').forEach((i) => arns.add(i.arn));
    else unreadable[region] = view.error.code;
  }
  if (!providers.ok) unreadable['IAM providers'] = providers.error.code;
  const samlProviders = providers.ok ? providers.data.samlProviderArns : [];
  const oidcProviders = providers.ok ? providers.data.oidcProviderArns : [];
  const seen = [
    ...(arns.size > 0 ? [`IAM Identity Center (${[...arns].join(', ')})`] : []),
    ...(samlProviders.length > 0 ? [`${samlProviders.length} SAML provider(s)`] : []),
    ...(oidcProviders.length > 0 ? [`${oidcProviders.length} OIDC provider(s)`] : []),
  ];
  const summary = seen.length > 0 ? `people federate through ${seen.join(', ')}; attest that the identity provider enforces MFA` : 'no Identity Center instance or SAML/OIDC provider is visible from this account';
  return { summary, identityCenterInstances: [...arns].sort(), samlProviders, oidcProviders, unreadable };
}

export default defineCheck({
  id: 'iam-console-users-mfa',
  title: 'Every IAM user who can sign in to the console has MFA',
  description:
    'Takes the IAM users with a console password from the credential report: each without an active MFA device fails. IAM Identity ' +
    'Center instances (SSO Admin ListInstances, in every region in scope) and the account\'s SAML and OIDC identity providers are ' +
    'evidence that people federate; that the identity provider enforces MFA for every human is attested.',
  requirements: { 'ftr-partner-hosted': ['IAM-001'] },
  severity: 'high',
  scope: 'account',
  uses: { report: credentialReport, identityCenter: identityCenterInstances },
  optionalUses: { providers: identityProviders },
  remediation:
    'Assign an MFA device to each listed user (IAM > Users > Security credentials > Assign MFA device), or move people to IAM Identity ' +
    'Center or your identity provider with MFA enforced and remove their console passwords.',
  docsUrl: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials_mfa_enable.html',
  messages: {
    noMfa: 'User {user} can sign in to the console with a password and has no MFA device.',
    allMfa: 'All {count} IAM user(s) with a console password have MFA; {federation}.',
    noConsoleUsers: 'No IAM user has a console password; {federation}.',
  },
  evaluate: (input) => {
    const { report, identityCenter } = input.data;
    const federation = federationOf(identityCenter, input.optional.providers);
    const users = consoleUsers(report);
    const evidence = { reportGeneratedAt: report.generatedAt, federation };
    const withoutMfa = users.filter((u) => u.mfaActive !== true);
    if (withoutMfa.length > 0) {
      return withoutMfa.map((u) => ({ status: 'FAIL', messageId: 'noMfa', resource: u.arn, params: { user: u.user }, evidence }));
    }
    const resource = accountArn(input);
    if (users.length === 0) return [{ status: 'PASS', messageId: 'noConsoleUsers', resource, params: { federation: federation.summary }, evidence }];
    return [{ status: 'PASS', messageId: 'allMfa', resource, params: { count: users.length, federation: federation.summary }, evidence }];
  },
});
