import { launchTemplates } from '../src/datasets/ec2/datasets.js';
import { ecsTaskDefinitions } from '../src/datasets/ecs/datasets.js';
import { lambdaFunctions } from '../src/datasets/lambda/datasets.js';
import type { ScannedValue } from '../src/datasets/secret-scan.js';
import { defineCheck, type Outcome } from '../src/contract/check.js';
import { regionalArn } from './lib/arn.js';

const MESSAGES = {
  accessKeyId: '{location} holds an AWS access key ID in {variable} (value hash {hash}): give the workload a role, then deactivate and delete the key.',
  secretLiteral:
    '{location}: {variable} is named like a secret and holds a literal (value hash {hash}), not a Secrets Manager or Parameter Store reference: move it to a secret store.',
  environmentUnreadable: 'Lambda function {name}: its environment variables could not be read ({error}), so they could not be judged.',
  noCredentials: 'No access key ID and no literal secret in {region}: {counts}.',
  nothingToRead: 'No Lambda functions, active ECS task definitions or launch templates in {region}.',
} as const;

type MessageId = keyof typeof MESSAGES;

interface Place {
  location: string;
  resource: string;
  values: ScannedValue[];
}

function outcomesOf(place: Place): Outcome<MessageId>[] {
  return place.values.flatMap((value): Outcome<MessageId>[] => {
    const params = { location: place.location, variable: value.name, hash: value.hash };
    const evidence = { location: place.location, variable: value.name, valueHash: value.hash };
    if (value.accessKeyId) return [{ status: 'FAIL', messageId: 'accessKeyId', resource: place.resource, params, evidence }];
    if (value.secretName && !value.reference) return [{ status: 'WARN', messageId: 'secretLiteral', resource: place.resource, params, evidence }];
    return [];
  });
}

export default defineCheck({
  id: 'compute-configuration-no-credentials',
  title: 'No credentials in Lambda environments, ECS task definitions or launch-template user data',
  description:
    'Reads the environment variables of every Lambda function, the plain environment entries of each active ECS task definition (the latest ' +
    'ACTIVE revision of each family and every revision a service runs) and the user data of each launch template\'s default version. The ' +
    'collectors keep no value: each variable becomes its name and the first 8 hex digits of its SHA-256. A value holding an AWS access key ID ' +
    '(AKIA or ASIA followed by 16 characters) fails. A variable whose name says secret, password, token, API key, private key or credential ' +
    'and holds a literal rather than an ARN, an SSM or a Secrets Manager reference warns. Secrets injected through the task definition\'s ' +
    '`secrets` are references and pass. The same findings count against FTR IAM-010 (secrets stored securely). What remains to attest: source ' +
    'code and version control, which the scan cannot read.',
  requirements: { 'ftr-partner-hosted': ['IAM-009', 'IAM-010'] },
  severity: 'high',
  scope: 'region',
  uses: { functions: lambdaFunctions, taskDefinitions: ecsTaskDefinitions, templates: launchTemplates },
  remediation:
    'Give workloads credentials through their execution role, task role or instance profile instead of access keys. Keep other secrets in ' +
    'AWS Secrets Manager or SSM Parameter Store SecureString and reference them (ECS `secrets`, Lambda extensions or SDK calls, ' +
    '`{{resolve:...}}` in templates); deactivate and rotate any key that was in configuration.',
  docsUrl: 'https://docs.aws.amazon.com/secretsmanager/latest/userguide/retrieving-secrets_lambda.html',
  messages: MESSAGES,
  evaluate: (input) => {
    const functions = input.data.functions.functions;
    const tasks = input.data.taskDefinitions.taskDefinitions.filter((td) => td.status !== 'INACTIVE');
    const templates = input.data.templates.templates;
    const places: Place[] = [
      ...functions.map((fn) => ({ location: `Lambda function ${fn.name}`, resource: fn.arn, values: fn.environment })),
      ...tasks.flatMap((td) =>
        td.containers.map((c) => ({ location: `ECS task definition ${td.family}:${td.revision} container ${c.name ?? '(unnamed)'}`, resource: td.arn, values: c.environment })),
      ),
      ...templates.map((lt) => ({ location: `Launch template ${lt.name} (version ${lt.defaultVersion}) user data`, resource: lt.arn, values: lt.userData?.values ?? [] })),
    ];
    const unreadable: Outcome<MessageId>[] = functions
      .filter((fn) => fn.environmentError)
      .map((fn) => ({ status: 'ERROR', messageId: 'environmentUnreadable', resource: fn.arn, params: { name: fn.name, error: fn.environmentError! } }));
    const findings = [...places.flatMap(outcomesOf), ...unreadable];
    if (findings.length > 0) return findings;
    const resource = regionalArn(input, 'lambda', 'function');
    if (places.length === 0) return [{ status: 'NOT_APPLICABLE', messageId: 'nothingToRead', resource, params: { region: input.region } }];
    const referenced = tasks.reduce((n, td) => n + td.containers.reduce((m, c) => m + c.secretNames.length, 0), 0);
    const counts = `${functions.length} Lambda function(s), ${tasks.length} active ECS task definition(s) (${referenced} secret(s) injected by reference), ${templates.length} launch template(s)`;
    const evidence = { functions: functions.length, activeTaskDefinitions: tasks.length, secretsByReference: referenced, launchTemplates: templates.length };
    return [{ status: 'PASS', messageId: 'noCredentials', resource, params: { region: input.region, counts }, evidence }];
  },
});
