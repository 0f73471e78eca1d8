import { defineCollector } from '../collector.js';
import type { CredentialReportEvidence, IamAuthorizationEvidence, AccessKeysEvidence, ServerCertificatesEvidence } from '../evidence.js';

export const credentialReport = defineCollector<CredentialReportEvidence>({
  id: 'iam.credentialReport',
  scope: 'global',
  actions: ['iam:GenerateCredentialReport', 'iam:GetCredentialReport'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement iam.credentialReport');
  },
});

export const iamAuthorization = defineCollector<IamAuthorizationEvidence>({
  id: 'iam.authorizationDetails',
  scope: 'global',
  actions: ['iam:GetAccountAuthorizationDetails'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement iam.authorizationDetails');
  },
});

export const accessKeys = defineCollector<AccessKeysEvidence>({
  id: 'iam.accessKeys',
  scope: 'global',
  actions: ['iam:ListAccessKeys'],
  dependsOn: [credentialReport],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement iam.accessKeys');
  },
});

export const serverCertificates = defineCollector<ServerCertificatesEvidence>({
  id: 'iam.serverCertificates',
  scope: 'global',
  actions: ['iam:ListServerCertificates'],
  collect: async () => {
    throw new Error('TODO(collectors helper): implement iam.serverCertificates');
  },
});
