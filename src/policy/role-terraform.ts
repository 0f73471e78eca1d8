// Terraform equivalent of the CloudFormation audit role. The policy is embedded as a JSON literal
// inside jsonencode(): HCL object constructors accept JSON's `"key": value` syntax.

import type { PolicyDocument } from './policy.js';
import { DEFAULT_ROLE_NAME } from './role-cloudformation.js';

export function roleTerraform(policy: PolicyDocument): string {
  // `"key" : value` is the spacing `terraform fmt` gives JSON-style object keys.
  const policyJson = JSON.stringify(policy, null, 2).replace(/": /g, '" : ').replace(/\n/g, '\n  ');
  return `# Audit role for partner-audit: read-only, least privilege, assumable only with the external ID.
# Use it as a module in every account you audit (one provider per account, or from your account
# vending pipeline), setting scanner_principal_arn and external_id; then terraform plan and apply.
# Written by \`partner-audit policy --format terraform\` for the checks selected then; after an upgrade
# that adds checks, write it again and apply. Details: docs/operating.md of partner-audit.

terraform {
  required_version = ">= 1.3"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.0"
    }
  }
}

variable "role_name" {
  type        = string
  default     = "${DEFAULT_ROLE_NAME}"
  description = "Name of the audit role; the scanner assumes arn:aws:iam::<account>:role/<role_name>."
}

variable "scanner_principal_arn" {
  type        = string
  description = "ARN of the role (or account root) that runs partner-audit and assumes this role."
  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+)$", var.scanner_principal_arn))
    error_message = "Must be an IAM role ARN or an account root ARN."
  }
}

variable "external_id" {
  type        = string
  sensitive   = true
  description = "Shared secret the scanner passes as --external-id (PARTNER_AUDIT_EXTERNAL_ID)."
  validation {
    condition     = length(var.external_id) >= 2 && length(var.external_id) <= 1224
    error_message = "Must be 2 to 1224 characters."
  }
}

variable "principal_org_id" {
  type        = string
  default     = ""
  description = "Optional AWS Organizations ID (o-...); when set, the scanner must belong to it."
}

locals {
  trust_conditions = merge(
    { "sts:ExternalId" = var.external_id },
    var.principal_org_id == "" ? {} : { "aws:PrincipalOrgID" = var.principal_org_id },
  )
}

resource "aws_iam_role" "partner_audit" {
  name                 = var.role_name
  description          = "Read-only role assumed by partner-audit"
  max_session_duration = 3600
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.scanner_principal_arn }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = local.trust_conditions }
    }]
  })
}

resource "aws_iam_role_policy" "partner_audit" {
  name = "PartnerAuditReadOnly"
  role = aws_iam_role.partner_audit.id
  policy = jsonencode(${policyJson})
}

output "role_arn" {
  description = "ARN of the audit role"
  value       = aws_iam_role.partner_audit.arn
}
`;
}
