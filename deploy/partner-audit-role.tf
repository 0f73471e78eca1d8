# Audit role for partner-audit: read-only, least privilege, assumable only with the external ID.
# Use it as a module in every account you audit (one provider per account, or from your account
# vending pipeline), setting scanner_principal_arn and external_id; then terraform plan and apply.
# Written by `partner-audit policy --format terraform` for the checks selected then; after an upgrade
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
  default     = "PartnerAuditReadOnly"
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
  policy = jsonencode({
    "Version" : "2012-10-17",
    "Statement" : [
      {
        "Sid" : "ReadAccessanalyzer",
        "Effect" : "Allow",
        "Action" : [
          "access-analyzer:ListAnalyzers",
          "access-analyzer:ListFindings"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadAccount",
        "Effect" : "Allow",
        "Action" : [
          "account:GetAlternateContact",
          "account:GetContactInformation"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadAcm",
        "Effect" : "Allow",
        "Action" : [
          "acm:DescribeCertificate",
          "acm:ListCertificates"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadApigateway",
        "Effect" : "Allow",
        "Action" : [
          "apigateway:GET"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadApplicationsignals",
        "Effect" : "Allow",
        "Action" : [
          "application-signals:ListServiceLevelObjectives"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadAppsync",
        "Effect" : "Allow",
        "Action" : [
          "appsync:ListGraphqlApis"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadAutoscaling",
        "Effect" : "Allow",
        "Action" : [
          "autoscaling:DescribeAutoScalingGroups"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadBackup",
        "Effect" : "Allow",
        "Action" : [
          "backup:ListProtectedResources",
          "backup:ListRestoreJobs",
          "backup:ListRestoreTestingPlans"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadCloudfront",
        "Effect" : "Allow",
        "Action" : [
          "cloudfront:ListDistributions"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadCloudtrail",
        "Effect" : "Allow",
        "Action" : [
          "cloudtrail:DescribeTrails",
          "cloudtrail:GetTrailStatus",
          "cloudtrail:LookupEvents"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadCloudwatch",
        "Effect" : "Allow",
        "Action" : [
          "cloudwatch:DescribeAlarms",
          "cloudwatch:ListDashboards"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadCodebuild",
        "Effect" : "Allow",
        "Action" : [
          "codebuild:ListProjects"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadCodedeploy",
        "Effect" : "Allow",
        "Action" : [
          "codedeploy:ListApplications"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadCodepipeline",
        "Effect" : "Allow",
        "Action" : [
          "codepipeline:ListPipelines"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadCognitoidp",
        "Effect" : "Allow",
        "Action" : [
          "cognito-idp:ListUserPools"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadConfig",
        "Effect" : "Allow",
        "Action" : [
          "config:DescribeConfigRules",
          "config:DescribeConfigurationRecorderStatus",
          "config:DescribeConfigurationRecorders",
          "config:DescribeConformancePackStatus",
          "config:DescribeDeliveryChannels",
          "config:GetDiscoveredResourceCounts"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadDirectconnect",
        "Effect" : "Allow",
        "Action" : [
          "directconnect:DescribeConnections"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadDlm",
        "Effect" : "Allow",
        "Action" : [
          "dlm:GetLifecyclePolicies",
          "dlm:GetLifecyclePolicy"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadDynamodb",
        "Effect" : "Allow",
        "Action" : [
          "dynamodb:DescribeContinuousBackups",
          "dynamodb:ListTables"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadEc2",
        "Effect" : "Allow",
        "Action" : [
          "ec2:DescribeFlowLogs",
          "ec2:DescribeImages",
          "ec2:DescribeInstances",
          "ec2:DescribeLaunchTemplateVersions",
          "ec2:DescribeLaunchTemplates",
          "ec2:DescribeNatGateways",
          "ec2:DescribeRegions",
          "ec2:DescribeRouteTables",
          "ec2:DescribeSecurityGroupRules",
          "ec2:DescribeSecurityGroups",
          "ec2:DescribeSubnets",
          "ec2:DescribeVolumes",
          "ec2:DescribeVpcs",
          "ec2:DescribeVpnConnections",
          "ec2:GetEbsEncryptionByDefault",
          "ec2:GetInstanceMetadataDefaults"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadEcr",
        "Effect" : "Allow",
        "Action" : [
          "ecr:DescribeRepositories"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadEcs",
        "Effect" : "Allow",
        "Action" : [
          "ecs:DescribeServices",
          "ecs:DescribeTaskDefinition",
          "ecs:ListClusters",
          "ecs:ListServices",
          "ecs:ListTaskDefinitionFamilies"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadElasticfilesystem",
        "Effect" : "Allow",
        "Action" : [
          "elasticfilesystem:DescribeBackupPolicy",
          "elasticfilesystem:DescribeFileSystems"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadElasticloadbalancing",
        "Effect" : "Allow",
        "Action" : [
          "elasticloadbalancing:DescribeListenerCertificates",
          "elasticloadbalancing:DescribeListeners",
          "elasticloadbalancing:DescribeLoadBalancers"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadEvents",
        "Effect" : "Allow",
        "Action" : [
          "events:ListApiDestinations",
          "events:ListEventBuses",
          "events:ListRules",
          "events:ListTargetsByRule",
          "events:TestEventPattern"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadFis",
        "Effect" : "Allow",
        "Action" : [
          "fis:GetExperiment",
          "fis:ListExperiments"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadGuardduty",
        "Effect" : "Allow",
        "Action" : [
          "guardduty:GetAdministratorAccount",
          "guardduty:GetCoverageStatistics",
          "guardduty:GetDetector",
          "guardduty:ListDetectors"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadHealth",
        "Effect" : "Allow",
        "Action" : [
          "health:DescribeEvents",
          "health:DescribeHealthServiceStatusForOrganization"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadIam",
        "Effect" : "Allow",
        "Action" : [
          "iam:GenerateCredentialReport",
          "iam:GetAccountAuthorizationDetails",
          "iam:GetAccountPasswordPolicy",
          "iam:GetAccountSummary",
          "iam:GetCredentialReport",
          "iam:GetPolicy",
          "iam:GetPolicyVersion",
          "iam:ListAccessKeys",
          "iam:ListOpenIDConnectProviders",
          "iam:ListOrganizationsFeatures",
          "iam:ListSAMLProviders",
          "iam:ListServerCertificates"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadImagebuilder",
        "Effect" : "Allow",
        "Action" : [
          "imagebuilder:GetContainerRecipe",
          "imagebuilder:GetImageRecipe",
          "imagebuilder:ListImagePipelines"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadInspector2",
        "Effect" : "Allow",
        "Action" : [
          "inspector2:BatchGetAccountStatus",
          "inspector2:ListFindings"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadKms",
        "Effect" : "Allow",
        "Action" : [
          "kms:DescribeKey",
          "kms:GetKeyPolicy",
          "kms:GetKeyRotationStatus",
          "kms:ListKeys"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadLambda",
        "Effect" : "Allow",
        "Action" : [
          "lambda:ListFunctions"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadMacie2",
        "Effect" : "Allow",
        "Action" : [
          "macie2:GetMacieSession",
          "macie2:ListClassificationJobs"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadOam",
        "Effect" : "Allow",
        "Action" : [
          "oam:ListLinks",
          "oam:ListSinks"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadOrganizations",
        "Effect" : "Allow",
        "Action" : [
          "organizations:DescribeOrganization",
          "organizations:ListAWSServiceAccessForOrganization",
          "organizations:ListAccounts",
          "organizations:ListDelegatedAdministrators",
          "organizations:ListTagsForResource"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadRds",
        "Effect" : "Allow",
        "Action" : [
          "rds:DescribeDBClusters",
          "rds:DescribeDBInstances"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadResiliencehub",
        "Effect" : "Allow",
        "Action" : [
          "resiliencehub:ListAppAssessments"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadS3",
        "Effect" : "Allow",
        "Action" : [
          "s3:GetAccountPublicAccessBlock",
          "s3:GetBucketAcl",
          "s3:GetBucketLocation",
          "s3:GetBucketPolicy",
          "s3:GetBucketPolicyStatus",
          "s3:GetBucketPublicAccessBlock",
          "s3:ListAllMyBuckets"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSecretsmanager",
        "Effect" : "Allow",
        "Action" : [
          "secretsmanager:ListSecrets"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSecurityhub",
        "Effect" : "Allow",
        "Action" : [
          "securityhub:DescribeHub",
          "securityhub:GetAdministratorAccount",
          "securityhub:GetEnabledStandards",
          "securityhub:GetFindings",
          "securityhub:ListAutomationRulesV2",
          "securityhub:ListConnectorsV2"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSns",
        "Effect" : "Allow",
        "Action" : [
          "sns:ListSubscriptions"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSsmincidents",
        "Effect" : "Allow",
        "Action" : [
          "ssm-incidents:ListResponsePlans"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSsm",
        "Effect" : "Allow",
        "Action" : [
          "ssm:DescribeInstanceInformation",
          "ssm:DescribeInstancePatchStates",
          "ssm:DescribeParameters",
          "ssm:ListAssociations"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSso",
        "Effect" : "Allow",
        "Action" : [
          "sso:ListInstances"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSts",
        "Effect" : "Allow",
        "Action" : [
          "sts:GetCallerIdentity"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSupport",
        "Effect" : "Allow",
        "Action" : [
          "support:DescribeSeverityLevels"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadSynthetics",
        "Effect" : "Allow",
        "Action" : [
          "synthetics:DescribeCanaries"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadTag",
        "Effect" : "Allow",
        "Action" : [
          "tag:GetResources"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadWafv2",
        "Effect" : "Allow",
        "Action" : [
          "wafv2:GetWebACL",
          "wafv2:GetWebACLForResource",
          "wafv2:ListWebACLs"
        ],
        "Resource" : "*"
      },
      {
        "Sid" : "ReadWellarchitected",
        "Effect" : "Allow",
        "Action" : [
          "wellarchitected:ListMilestones",
          "wellarchitected:ListWorkloads"
        ],
        "Resource" : "*"
      }
    ]
  })
}

output "role_arn" {
  description = "ARN of the audit role"
  value       = aws_iam_role.partner_audit.arn
}
