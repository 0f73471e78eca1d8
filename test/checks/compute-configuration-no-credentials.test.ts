import check from '../../checks/compute-configuration-no-credentials.js';
import type { LaunchTemplateInfo } from '../../src/datasets/ec2/datasets.js';
import type { EcsTaskDefinitionInfo } from '../../src/datasets/ecs/datasets.js';
import type { LambdaFunctionInfo } from '../../src/datasets/lambda/datasets.js';
import { scanText } from '../../src/datasets/secret-scan.js';
import { launchTemplate } from '../helpers/fixtures/compute.js';
import { container, lambdaFunction, taskDefinition } from '../helpers/fixtures/workloads.js';
import { input } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const KEY_HASH = '1a5d44a2';
const LITERAL_HASH = 'f52fbd32';
const SECRET_ARN = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db';

interface Options {
  functions?: LambdaFunctionInfo[];
  tasks?: EcsTaskDefinitionInfo[];
  templates?: LaunchTemplateInfo[];
}

function region(o: Options) {
  return input({ data: { functions: { functions: o.functions ?? [] }, taskDefinitions: { taskDefinitions: o.tasks ?? [] }, templates: { templates: o.templates ?? [] } } });
}

const api = lambdaFunction('api', { TABLE: 'orders', DB_PASSWORD_ARN: SECRET_ARN });
const web = taskDefinition('web', [container('app', { PORT: '8080' }, ['DB_PASSWORD'])]);
const withUserData = (text: string) => launchTemplate({ userData: scanText(text) });

runCheckCases(check, [
  {
    name: 'plain settings, secrets by reference: PASS with the counts',
    input: region({ functions: [api], tasks: [web], templates: [withUserData('#!/bin/bash\nyum -y update\n')] }),
    expected: [
      {
        status: 'PASS',
        messageId: 'noCredentials',
        resource: 'arn:aws:lambda:eu-west-1:111122223333:function',
        params: { counts: '1 Lambda function(s), 1 active ECS task definition(s) (1 secret(s) injected by reference), 1 launch template(s)' },
      },
    ],
  },
  {
    name: 'an access key ID in a Lambda variable: FAIL naming the variable and the hash, never the value',
    input: region({ functions: [lambdaFunction('sync', { UPSTREAM_KEY: KEY_ID })] }),
    expected: [
      { status: 'FAIL', messageId: 'accessKeyId', resource: lambdaFunction('sync').arn, params: { location: 'Lambda function sync', variable: 'UPSTREAM_KEY', hash: KEY_HASH } },
    ],
  },
  {
    name: 'a secret-named literal in an active task definition: WARN; an inactive revision is not judged',
    input: region({
      tasks: [
        taskDefinition('web', [container('app', { API_TOKEN: 'hunter2' })], { revision: 4 }),
        taskDefinition('web', [container('app', { API_TOKEN: 'hunter2' })], { revision: 3, status: 'INACTIVE' }),
      ],
    }),
    expected: [
      {
        status: 'WARN',
        messageId: 'secretLiteral',
        resource: 'arn:aws:ecs:eu-west-1:111122223333:task-definition/web:4',
        params: { location: 'ECS task definition web:4 container app', variable: 'API_TOKEN', hash: LITERAL_HASH },
      },
    ],
  },
  {
    name: 'launch-template user data: an exported access key fails, an inline key too, a password literal warns',
    input: region({ templates: [withUserData(`#!/bin/bash\nexport AWS_ACCESS_KEY_ID=${KEY_ID}\nDB_PASSWORD=hunter2\naws configure set x ${KEY_ID}\n`)] }),
    expected: [
      { status: 'FAIL', messageId: 'accessKeyId', resource: launchTemplate().arn, params: { location: 'Launch template web (version 3) user data', variable: 'AWS_ACCESS_KEY_ID' } },
      { status: 'WARN', messageId: 'secretLiteral', resource: launchTemplate().arn, params: { variable: 'DB_PASSWORD', hash: LITERAL_HASH } },
      { status: 'FAIL', messageId: 'accessKeyId', resource: launchTemplate().arn, params: { variable: '(inline)', hash: KEY_HASH } },
    ],
  },
  {
    name: 'an SSM reference under a secret name is not a literal',
    input: region({ functions: [lambdaFunction('cfg', { API_KEY: 'ssm:/prod/api-key', SECRET: '{{resolve:secretsmanager:db}}' })] }),
    expected: [{ status: 'PASS', messageId: 'noCredentials', resource: 'arn:aws:lambda:eu-west-1:111122223333:function' }],
  },
  {
    name: 'a function whose environment Lambda could not show: ERROR for that function',
    input: region({ functions: [lambdaFunction('locked', {}, { environmentError: 'AccessDeniedException: KMS' })] }),
    expected: [{ status: 'ERROR', messageId: 'environmentUnreadable', resource: lambdaFunction('locked').arn, params: { error: 'AccessDeniedException: KMS' } }],
  },
  {
    name: 'nothing to read in the region: NOT_APPLICABLE',
    input: region({}),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'nothingToRead', resource: 'arn:aws:lambda:eu-west-1:111122223333:function' }],
  },
]);
