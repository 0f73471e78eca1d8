// Every service the fake speaks, keyed by SigV4 signing name.

import type { ServiceDef } from '../service.js';
import { acm } from './acm.js';
import { config } from './config.js';
import { ec2 } from './ec2.js';
import { eventBridge } from './eventbridge.js';
import { guardDuty } from './guardduty.js';
import { health } from './health.js';
import { iam } from './iam.js';
import { organizations } from './organizations.js';
import { securityHub } from './securityhub.js';
import { sts } from './sts.js';
import { support } from './support.js';

export const SERVICES: Record<string, ServiceDef> = Object.fromEntries(
  [acm, config, ec2, eventBridge, guardDuty, health, iam, organizations, securityHub, sts, support].map((s) => [s.signingName, s]),
);
