// CloudFormation template of the AWS-native schedule: EventBridge Scheduler starts an ECS Fargate
// task that scans and uploads the run to an S3 evidence bucket (versioning + Object Lock). The task
// role reads what the checks need, assumes the audit roles, and writes only to that bucket.
// Generated (not hand-kept) because the task role embeds the generated read policy.

import { stringify } from '../vendor/yaml.js';
import type { PolicyDocument } from './policy.js';
import { DEFAULT_ROLE_NAME } from './role-cloudformation.js';

const CONTAINER = 'partner-audit';
const sub = (text: string): { 'Fn::Sub': string } => ({ 'Fn::Sub': text });
const ref = (name: string): { Ref: string } => ({ Ref: name });
const arnOf = (resource: string): { 'Fn::GetAtt': [string, string] } => ({ 'Fn::GetAtt': [resource, 'Arn'] });
const trust = (service: string): Record<string, unknown> => ({
  Version: '2012-10-17',
  Statement: [
    {
      Effect: 'Allow',
      Principal: { Service: service },
      Action: 'sts:AssumeRole',
      Condition: { StringEquals: { 'aws:SourceAccount': ref('AWS::AccountId') } },
    },
  ],
});

export function scheduleCloudFormation(policy: PolicyDocument): string {
  const header = [
    '# Scheduled partner-audit scans on AWS: EventBridge Scheduler → ECS Fargate → S3 evidence bucket.',
    '# Deploy it in the account that runs the scans (the management account or a delegated administrator',
    '# for --org), after pushing the image built from deploy/aws-schedule/Dockerfile:',
    '#   aws cloudformation deploy --template-file partner-audit-schedule.cfn.yaml --stack-name partner-audit-schedule \\',
    '#     --capabilities CAPABILITY_IAM --parameter-overrides ContainerImage=<image URI> ExternalId=<id> VpcId=<vpc> SubnetIds=<subnets>',
    '# The task role reads what the checks need and writes only to the evidence bucket. Details: docs/operating.md of partner-audit.',
  ].join('\n');
  const template = { AWSTemplateFormatVersion: '2010-09-09', Description: 'partner-audit scheduled scans', Parameters: parameters(), Conditions: conditions(), Resources: resources(policy), Outputs: outputs() };
  return `${header}\n${stringify(template, { version: '1.1', aliasDuplicateObjects: false, lineWidth: 0 })}`;
}

function parameters(): Record<string, unknown> {
  return {
    ContainerImage: { Type: 'String', Description: 'Image URI of the partner-audit container (deploy/aws-schedule/Dockerfile), e.g. in ECR.' },
    ScanArguments: {
      Type: 'String',
      Default: 'scan,--org,--format,all,--deadline,3h',
      Description: 'Comma-separated scan arguments; --upload to the evidence bucket is appended. Keep a --deadline: a Fargate task has no time limit of its own.',
    },
    AuditRoleName: { Type: 'String', Default: DEFAULT_ROLE_NAME, Description: 'Name of the audit role in every account.' },
    ExternalId: { Type: 'String', NoEcho: true, MinLength: 2, Description: 'ExternalId the audit roles require (stored in Secrets Manager).' },
    ScheduleExpression: { Type: 'String', Default: 'cron(17 3 * * ? *)', Description: 'EventBridge Scheduler expression.' },
    ScheduleTimezone: { Type: 'String', Default: 'UTC' },
    VpcId: { Type: 'AWS::EC2::VPC::Id', Description: 'VPC of the task (needs a route to the AWS APIs).' },
    SubnetIds: { Type: 'List<AWS::EC2::Subnet::Id>', Description: 'Subnets of the task.' },
    AssignPublicIp: { Type: 'String', Default: 'DISABLED', AllowedValues: ['ENABLED', 'DISABLED'], Description: 'ENABLED for public subnets without a NAT gateway.' },
    TaskCpu: { Type: 'String', Default: '1024', AllowedValues: ['512', '1024', '2048', '4096'] },
    TaskMemory: { Type: 'String', Default: '2048', Description: 'MiB; must suit TaskCpu.' },
    RetentionDays: { Type: 'Number', Default: 365, MinValue: 1, Description: 'Object Lock retention of each run file.' },
    ObjectLockMode: { Type: 'String', Default: 'GOVERNANCE', AllowedValues: ['GOVERNANCE', 'COMPLIANCE'] },
    AlertEmail: { Type: 'String', Default: '', Description: 'Optional e-mail told when a scan exits non-zero (FAIL, ERROR or fault).' },
  };
}

function conditions(): Record<string, unknown> {
  return { HasAlertEmail: { 'Fn::Not': [{ 'Fn::Equals': [ref('AlertEmail'), ''] }] } };
}

function resources(policy: PolicyDocument): Record<string, unknown> {
  return { ...storage(), ...roles(policy), ...compute(), ...schedule(), ...alerts() };
}

function storage(): Record<string, unknown> {
  return {
    EvidenceBucket: {
      Type: 'AWS::S3::Bucket',
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        VersioningConfiguration: { Status: 'Enabled' },
        ObjectLockEnabled: true,
        ObjectLockConfiguration: {
          ObjectLockEnabled: 'Enabled',
          Rule: { DefaultRetention: { Mode: ref('ObjectLockMode'), Days: ref('RetentionDays') } },
        },
        BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
        PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
        OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
      },
    },
    EvidenceBucketPolicy: {
      Type: 'AWS::S3::BucketPolicy',
      Properties: {
        Bucket: ref('EvidenceBucket'),
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Sid: 'TlsOnly',
              Effect: 'Deny',
              Principal: '*',
              Action: 's3:*',
              Resource: [arnOf('EvidenceBucket'), sub('${EvidenceBucket.Arn}/*')],
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            },
          ],
        },
      },
    },
    ExternalIdSecret: {
      Type: 'AWS::SecretsManager::Secret',
      Properties: { Description: 'ExternalId partner-audit passes to AssumeRole', SecretString: ref('ExternalId') },
    },
    LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/partner-audit/scans', RetentionInDays: 90 } },
  };
}

function roles(policy: PolicyDocument): Record<string, unknown> {
  return {
    ExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: 'Pulls the image, writes logs, reads the ExternalId secret',
        AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com'),
        ManagedPolicyArns: [sub('arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy')],
        Policies: [
          {
            PolicyName: 'ReadExternalId',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'secretsmanager:GetSecretValue', Resource: ref('ExternalIdSecret') }],
            },
          },
        ],
      },
    },
    TaskRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: 'The scanner: reads, assumes the audit roles, writes runs to the evidence bucket only',
        AssumeRolePolicyDocument: trust('ecs-tasks.amazonaws.com'),
        MaxSessionDuration: 3600,
        Policies: [
          { PolicyName: 'PartnerAuditReadOnly', PolicyDocument: policy },
          {
            PolicyName: 'AssumeAuditRoles',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: sub('arn:${AWS::Partition}:iam::*:role/${AuditRoleName}') }],
            },
          },
          {
            PolicyName: 'EvidenceBucket',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                { Sid: 'WriteRuns', Effect: 'Allow', Action: ['s3:PutObject'], Resource: sub('${EvidenceBucket.Arn}/*') },
                { Sid: 'ReadRunsForMerge', Effect: 'Allow', Action: ['s3:GetObject'], Resource: sub('${EvidenceBucket.Arn}/*') },
                { Sid: 'ListRunsForMerge', Effect: 'Allow', Action: ['s3:ListBucket'], Resource: arnOf('EvidenceBucket') },
              ],
            },
          },
        ],
      },
    },
    SchedulerRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        Description: 'Lets EventBridge Scheduler start the scan task',
        AssumeRolePolicyDocument: trust('scheduler.amazonaws.com'),
        Policies: [
          {
            PolicyName: 'RunScanTask',
            PolicyDocument: {
              Version: '2012-10-17',
              Statement: [
                {
                  Effect: 'Allow',
                  Action: 'ecs:RunTask',
                  Resource: sub('arn:${AWS::Partition}:ecs:${AWS::Region}:${AWS::AccountId}:task-definition/partner-audit:*'),
                  Condition: { ArnEquals: { 'ecs:cluster': arnOf('Cluster') } },
                },
                {
                  Effect: 'Allow',
                  Action: 'iam:PassRole',
                  Resource: [arnOf('ExecutionRole'), arnOf('TaskRole')],
                  Condition: { StringEquals: { 'iam:PassedToService': 'ecs-tasks.amazonaws.com' } },
                },
              ],
            },
          },
        ],
      },
    },
  };
}

function compute(): Record<string, unknown> {
  return {
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterSettings: [{ Name: 'containerInsights', Value: 'disabled' }] } },
    TaskSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'partner-audit task: HTTPS out to the AWS APIs only',
        VpcId: ref('VpcId'),
        SecurityGroupEgress: [{ IpProtocol: 'tcp', FromPort: 443, ToPort: 443, CidrIp: '0.0.0.0/0', Description: 'AWS APIs' }],
      },
    },
    TaskDefinition: {
      Type: 'AWS::ECS::TaskDefinition',
      Properties: {
        Family: 'partner-audit',
        RequiresCompatibilities: ['FARGATE'],
        NetworkMode: 'awsvpc',
        Cpu: ref('TaskCpu'),
        Memory: ref('TaskMemory'),
        RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: 'X86_64' },
        ExecutionRoleArn: arnOf('ExecutionRole'),
        TaskRoleArn: arnOf('TaskRole'),
        ContainerDefinitions: [
          {
            Name: CONTAINER,
            Image: ref('ContainerImage'),
            Essential: true,
            Command: { 'Fn::Split': [',', sub('${ScanArguments},--upload,s3://${EvidenceBucket}/runs')] },
            Environment: [{ Name: 'NO_COLOR', Value: '1' }],
            Secrets: [{ Name: 'PARTNER_AUDIT_EXTERNAL_ID', ValueFrom: ref('ExternalIdSecret') }],
            LogConfiguration: {
              LogDriver: 'awslogs',
              Options: { 'awslogs-group': ref('LogGroup'), 'awslogs-region': ref('AWS::Region'), 'awslogs-stream-prefix': 'scan' },
            },
          },
        ],
      },
    },
  };
}

function schedule(): Record<string, unknown> {
  return {
    Schedule: {
      Type: 'AWS::Scheduler::Schedule',
      Properties: {
        Description: 'Nightly partner-audit scan',
        ScheduleExpression: ref('ScheduleExpression'),
        ScheduleExpressionTimezone: ref('ScheduleTimezone'),
        FlexibleTimeWindow: { Mode: 'OFF' },
        State: 'ENABLED',
        Target: {
          Arn: arnOf('Cluster'),
          RoleArn: arnOf('SchedulerRole'),
          RetryPolicy: { MaximumRetryAttempts: 0 },
          EcsParameters: {
            TaskDefinitionArn: ref('TaskDefinition'),
            LaunchType: 'FARGATE',
            TaskCount: 1,
            NetworkConfiguration: {
              AwsvpcConfiguration: {
                Subnets: ref('SubnetIds'),
                SecurityGroups: [{ 'Fn::GetAtt': ['TaskSecurityGroup', 'GroupId'] }],
                AssignPublicIp: ref('AssignPublicIp'),
              },
            },
          },
        },
      },
    },
  };
}

function alerts(): Record<string, unknown> {
  return {
    AlertTopic: { Type: 'AWS::SNS::Topic', Properties: { DisplayName: 'partner-audit scan alerts' } },
    AlertSubscription: {
      Type: 'AWS::SNS::Subscription',
      Condition: 'HasAlertEmail',
      Properties: { TopicArn: ref('AlertTopic'), Protocol: 'email', Endpoint: ref('AlertEmail') },
    },
    ScanExitedNonZero: {
      Type: 'AWS::Events::Rule',
      Properties: {
        Description: 'A partner-audit task stopped with a non-zero exit code (3 FAIL, 4 incomplete, 1/2 fault)',
        EventPattern: {
          source: ['aws.ecs'],
          'detail-type': ['ECS Task State Change'],
          detail: {
            clusterArn: [arnOf('Cluster')],
            lastStatus: ['STOPPED'],
            containers: { name: [CONTAINER], exitCode: [{ 'anything-but': 0 }] },
          },
        },
        Targets: [{ Arn: ref('AlertTopic'), Id: 'alert-topic' }],
      },
    },
    AlertTopicPolicy: {
      Type: 'AWS::SNS::TopicPolicy',
      Properties: {
        Topics: [ref('AlertTopic')],
        PolicyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Effect: 'Allow',
              Principal: { Service: 'events.amazonaws.com' },
              Action: 'sns:Publish',
              Resource: ref('AlertTopic'),
              Condition: { ArnEquals: { 'aws:SourceArn': arnOf('ScanExitedNonZero') } },
            },
          ],
        },
      },
    },
  };
}

function outputs(): Record<string, unknown> {
  return {
    EvidenceBucketName: { Value: ref('EvidenceBucket') },
    ScannerRoleArn: { Description: 'Pass as ScannerPrincipalArn to the audit role template/StackSet', Value: arnOf('TaskRole') },
    ClusterArn: { Value: arnOf('Cluster') },
    TaskDefinitionArn: { Value: ref('TaskDefinition') },
    TaskSecurityGroupId: { Value: { 'Fn::GetAtt': ['TaskSecurityGroup', 'GroupId'] } },
    AlertTopicArn: { Value: ref('AlertTopic') },
  };
}
