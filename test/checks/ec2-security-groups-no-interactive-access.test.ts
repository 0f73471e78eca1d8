import check from '../../checks/ec2-security-groups-no-interactive-access.js';
import { rule, securityGroup, tools } from '../helpers/fixtures/network-area.js';
import { failed, input, ok } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const REGION_ARN = 'arn:aws:ec2:eu-west-1:111122223333:security-group';
const bastion = securityGroup('sg-bastion', [rule({ fromPort: 22, toPort: 22 })]);
const web = securityGroup('sg-web', [rule()]);
const withGroups = (groups: ReturnType<typeof securityGroup>[], toolsView = ok(tools({ pipelines: ['deploy'] }))) =>
  input({ data: { groups: { groups } }, optional: { tools: toolsView } });

runCheckCases(check, [
  {
    name: 'SSH open to the world: WARN interactive access, naming the pipeline seen',
    input: withGroups([bastion, web]),
    expected: [{ status: 'WARN', messageId: 'interactiveAccess', resource: bastion.arn, params: { tools: 'Deployment automation seen: CodePipeline: deploy.' } }],
  },
  {
    name: 'nothing open, every tool listed: PASS',
    input: withGroups([web], ok(tools({ pipelines: ['p'], deployApplications: ['d'], buildProjects: ['b'] }))),
    expected: [{ status: 'PASS', messageId: 'noInteractiveAccess', resource: REGION_ARN, params: { tools: 'Deployment automation seen: CodePipeline: p; CodeDeploy: d; CodeBuild: b.' } }],
  },
  {
    name: 'nothing open, no deployment tools: PASS asking to attest the pipeline',
    input: withGroups([web], ok(tools())),
    expected: [{ status: 'PASS', messageId: 'noInteractiveAccess', resource: REGION_ARN, params: { tools: 'No CodePipeline, CodeDeploy or CodeBuild here; attest the deployment pipeline in use.' } }],
  },
  {
    name: 'deployment tools unreadable: the verdict stands, the message says so',
    input: withGroups([web], failed()),
    expected: [{ status: 'PASS', messageId: 'noInteractiveAccess', resource: REGION_ARN, params: { tools: 'Deployment tools could not be read (AccessDeniedException).' } }],
  },
  {
    name: 'no security groups: NOT_APPLICABLE',
    input: withGroups([]),
    expected: [{ status: 'NOT_APPLICABLE', messageId: 'noGroups', resource: REGION_ARN }],
  },
]);
