// Elastic Load Balancing v2 (Application, Network and Gateway Load Balancers) datasets: the evidence
// shapes checks read and the declarations. The collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface Elbv2Redirect {
  /** `HTTP`, `HTTPS`, or `#{protocol}` (keeps the request's). */
  protocol?: string;
  port?: string;
  host?: string;
  path?: string;
  query?: string;
  statusCode?: string;
}

export interface Elbv2Action {
  /** forward, redirect, fixed-response, authenticate-oidc, authenticate-cognito, jwt-validation. */
  type: string;
  order?: number;
  targetGroupArn?: string;
  redirect?: Elbv2Redirect;
  /** The identity provider only; the client secret is never read into evidence. */
  authenticateOidc?: { issuer?: string; clientId?: string };
  authenticateCognito?: { userPoolArn?: string; userPoolClientId?: string; userPoolDomain?: string };
}

export interface Elbv2Certificate {
  /** An ACM certificate ARN or an IAM server certificate ARN. */
  arn: string;
  /** The listener's default certificate; the others come from DescribeListenerCertificates. */
  isDefault: boolean;
}

export interface Elbv2Listener {
  arn: string;
  protocol?: string;
  port?: number;
  sslPolicy?: string;
  certificates: Elbv2Certificate[];
  defaultActions: Elbv2Action[];
}

export interface Elbv2LoadBalancer {
  arn: string;
  name: string;
  /** application, network or gateway. */
  type?: string;
  /** internet-facing or internal. */
  scheme?: string;
  dnsName?: string;
  vpcId?: string;
  state?: string;
  availabilityZones: { zoneName: string; subnetId?: string }[];
  securityGroups: string[];
  ipAddressType?: string;
  listeners: Elbv2Listener[];
}

export interface Elbv2LoadBalancersEvidence {
  loadBalancers: Elbv2LoadBalancer[];
}

export const elbv2LoadBalancers = defineDataset<Elbv2LoadBalancersEvidence>({
  id: 'elbv2.loadBalancers',
  scope: 'regional',
  actions: [
    'elasticloadbalancing:DescribeLoadBalancers',
    'elasticloadbalancing:DescribeListeners',
    'elasticloadbalancing:DescribeListenerCertificates',
  ],
});
