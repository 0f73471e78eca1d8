// The real STS client against a scripted HTTP handler: the endpoint comes from the SDK's own
// settings, and the AssumeRole request carries what we promise.

import { afterEach, expect, test } from 'vitest';
import { createClientPool } from '../../src/aws/clients.js';
import { connectAws } from '../../src/aws/credentials.js';
import { fakeHttp } from './fake-http.js';

afterEach(() => {
  delete process.env.AWS_ENDPOINT_URL_STS;
});

const xml = (body: string) => ({ raw: { body, contentType: 'text/xml' } });
const NS = 'https://sts.amazonaws.com/doc/2011-06-15/';

test('STS honours AWS_ENDPOINT_URL_STS; AssumeRole sends ExternalId, the run session name and one hour', async () => {
  process.env.AWS_ENDPOINT_URL_STS = 'http://127.0.0.1:4599';
  const bodies: string[] = [];
  const http = fakeHttp(async (req) => {
    bodies.push(String(req.body ?? ''));
    if (String(req.body).includes('Action=GetCallerIdentity')) {
      return xml(`<GetCallerIdentityResponse xmlns="${NS}"><GetCallerIdentityResult><Arn>arn:aws:iam::999999999999:user/a</Arn><UserId>AIDAEXAMPLE</UserId><Account>999999999999</Account></GetCallerIdentityResult><ResponseMetadata><RequestId>r1</RequestId></ResponseMetadata></GetCallerIdentityResponse>`);
    }
    return xml(`<AssumeRoleResponse xmlns="${NS}"><AssumeRoleResult><Credentials><AccessKeyId>ASIAEXAMPLE000000000</AccessKeyId><SecretAccessKey>s</SecretAccessKey><SessionToken>t</SessionToken><Expiration>2099-01-01T00:00:00Z</Expiration></Credentials><AssumedRoleUser><Arn>arn:aws:sts::111111111111:assumed-role/R/s</Arn><AssumedRoleId>AROA:s</AssumedRoleId></AssumedRoleUser></AssumeRoleResult><ResponseMetadata><RequestId>r2</RequestId></ResponseMetadata></AssumeRoleResponse>`);
  });
  const pool = createClientPool({
    settings: { concurrency: { accounts: 1, accountStartsPerSecond: 100, requestsInFlight: 2, perService: 2 }, retry: { mode: 'standard', maxAttempts: 1 }, timeouts: { connectMs: 100, requestMs: 1000 } },
    requestHandler: http,
  });
  const access = await connectAws({
    settings: { roleName: 'Audit', externalId: 'ext-1', runId: 'r-42' },
    pool,
    baseCredentials: async () => ({ accessKeyId: 'AKIAEXAMPLE000000000', secretAccessKey: 'x' }),
    stsRegion: 'eu-west-1',
  });
  const provider = await access.credentialsFor('111111111111');
  expect(await provider()).toMatchObject({ accessKeyId: 'ASIAEXAMPLE000000000', sessionToken: 't' });
  expect(http.requests.map((r) => `${r.protocol}//${r.hostname}:${r.port}`)).toEqual(['http://127.0.0.1:4599', 'http://127.0.0.1:4599']);
  const assume = new URLSearchParams(bodies[1]);
  expect(Object.fromEntries(assume)).toMatchObject({
    Action: 'AssumeRole',
    RoleArn: 'arn:aws:iam::111111111111:role/Audit',
    RoleSessionName: 'partner-audit-r-42',
    DurationSeconds: '3600',
    ExternalId: 'ext-1',
  });
  // Counted under the caller, per service.
  expect(pool.metrics.forAccount('999999999999')).toEqual({ sts: { requests: 1, retries: 0, throttles: 0, errors: 0 } });
});
