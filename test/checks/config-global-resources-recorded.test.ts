import check from '../../checks/config-global-resources-recorded.js';
import { configRecorders, recorder } from '../helpers/fixtures/security.js';
import { ACCOUNT, accountInput, failed, ok } from '../helpers/input.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const account = `arn:aws:iam::${ACCOUNT}:root`;
const regional = configRecorders([recorder()]);
const global = configRecorders([recorder({ includeGlobalResourceTypes: true })]);
const regions = ['eu-west-1', 'us-east-1'];

runCheckCases(check, [
  {
    name: 'one region recording global types passes (advisory)',
    input: accountInput({ regions, data: { recorders: { 'eu-west-1': ok(regional), 'us-east-1': ok(global) } } }),
    expected: [{ status: 'PASS', messageId: 'recorded', resource: account, params: { regions: 'us-east-1' }, advisory: true }],
  },
  {
    name: 'listing IAM resource types counts',
    input: accountInput({
      data: { recorders: { 'eu-west-1': ok(configRecorders([recorder({ allSupported: false, resourceTypes: ['AWS::IAM::Role'] })])) } },
    }),
    expected: [{ status: 'PASS', messageId: 'recorded', resource: account, advisory: true }],
  },
  {
    name: 'an exclusion strategy that leaves IAM types in counts',
    input: accountInput({
      data: {
        recorders: {
          'eu-west-1': ok(configRecorders([recorder({ allSupported: false, recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES', excludedResourceTypes: ['AWS::IAM::User'] })])),
        },
      },
    }),
    expected: [{ status: 'PASS', messageId: 'recorded', resource: account, advisory: true }],
  },
  {
    name: 'an exclusion strategy excluding every IAM type does not count',
    input: accountInput({
      data: {
        recorders: {
          'eu-west-1': ok(configRecorders([recorder({
            allSupported: false,
            recordingStrategy: 'EXCLUSION_BY_RESOURCE_TYPES',
            excludedResourceTypes: ['AWS::IAM::User', 'AWS::IAM::Group', 'AWS::IAM::Role', 'AWS::IAM::Policy'],
          })])),
        },
      },
    }),
    expected: [{ status: 'WARN', messageId: 'notRecorded', resource: account, params: { count: 1 }, advisory: true }],
  },
  {
    name: 'a stopped recorder with global types does not count',
    input: accountInput({ data: { recorders: { 'eu-west-1': ok(configRecorders([recorder({ includeGlobalResourceTypes: true, recording: false })])) } } }),
    expected: [{ status: 'WARN', messageId: 'notRecorded', resource: account, advisory: true }],
  },
  {
    name: 'no region records global types: advisory WARN',
    input: accountInput({ regions, data: { recorders: { 'eu-west-1': ok(regional), 'us-east-1': ok(regional) } } }),
    expected: [{ status: 'WARN', messageId: 'notRecorded', resource: account, params: { count: 2 }, advisory: true }],
  },
  {
    name: 'none found and a region unreadable: ERROR naming it',
    input: accountInput({ regions, data: { recorders: { 'eu-west-1': ok(regional), 'us-east-1': failed() } } }),
    expected: [{ status: 'ERROR', messageId: 'unknown', resource: account, params: { failed: 'us-east-1 (AccessDeniedException)' }, advisory: true }],
  },
  {
    name: 'a region closed by an SCP is an answer, not an error',
    input: accountInput({ regions, data: { recorders: { 'eu-west-1': ok(regional), 'us-east-1': failed('AccessDenied', 'scp-denied') } } }),
    expected: [{ status: 'WARN', messageId: 'notRecorded', resource: account, params: { count: 1 }, advisory: true }],
  },
  {
    name: 'found in one region, another unreadable: still PASS',
    input: accountInput({ regions, data: { recorders: { 'eu-west-1': ok(global), 'us-east-1': failed() } } }),
    expected: [{ status: 'PASS', messageId: 'recorded', resource: account, advisory: true }],
  },
]);
