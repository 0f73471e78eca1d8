// Every service the fake speaks, one line each; ../registry.ts routes to them by signing name.

export { acm } from './acm.js';
export { cloudFront } from './cloudfront.js';
export { config } from './config.js';
export { ec2 } from './ec2.js';
export { eventBridge } from './eventbridge.js';
export { guardDuty } from './guardduty.js';
export { health } from './health.js';
export { iam } from './iam.js';
export { organizations } from './organizations.js';
export { s3 } from './s3.js';
export { s3Control } from './s3-control.js';
export { securityHub } from './securityhub.js';
export { sts } from './sts.js';
export { support } from './support.js';
