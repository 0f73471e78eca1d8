// Every collector, for planning, the IAM policy and the read-only guarantee test.
import { acmCertificates } from './acm.js';
import { configRecorders, configRules } from './config.js';
import { ec2Instances, ec2Regions, imdsDefaults, images, launchTemplates } from './ec2.js';
import { eventRules } from './eventbridge.js';
import { guardDutyDetectors } from './guardduty.js';
import { healthOrganization, healthRiskEvents } from './health.js';
import { accessKeys, credentialReport, iamAuthorization, serverCertificates } from './iam.js';
import { organizationMembership } from './organizations.js';
import { securityHub } from './securityhub.js';
import { supportPlan } from './support.js';

export const ALL_COLLECTORS = [
  supportPlan,
  credentialReport,
  iamAuthorization,
  accessKeys,
  serverCertificates,
  eventRules,
  healthRiskEvents,
  healthOrganization,
  organizationMembership,
  guardDutyDetectors,
  securityHub,
  configRecorders,
  configRules,
  acmCertificates,
  ec2Regions,
  ec2Instances,
  launchTemplates,
  imdsDefaults,
  images,
] as const;
