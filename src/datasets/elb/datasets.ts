// Classic Load Balancer datasets: the evidence shapes checks read and the declarations. The
// collectors that fetch them are in collect.ts beside this file.

import { defineDataset } from '../../contract/dataset.js';

export interface ClassicListener {
  /** HTTP, HTTPS, TCP or SSL. */
  protocol: string;
  loadBalancerPort: number;
  instanceProtocol?: string;
  instancePort: number;
  /** ARN of the listener's certificate: an ACM certificate or an IAM server certificate. */
  sslCertificateId?: string;
  policyNames: string[];
}

export interface ClassicLoadBalancer {
  name: string;
  dnsName?: string;
  /** internet-facing or internal. */
  scheme?: string;
  availabilityZones: string[];
  subnets: string[];
  vpcId?: string;
  securityGroups: string[];
  listeners: ClassicListener[];
}

export interface ClassicLoadBalancersEvidence {
  loadBalancers: ClassicLoadBalancer[];
}

export const classicLoadBalancers = defineDataset<ClassicLoadBalancersEvidence>({
  id: 'elb.loadBalancers',
  scope: 'regional',
  actions: ['elasticloadbalancing:DescribeLoadBalancers'],
});
