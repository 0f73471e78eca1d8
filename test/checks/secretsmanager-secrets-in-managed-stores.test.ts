import check from '../../checks/secretsmanager-secrets-in-managed-stores.js';
import { secret, secrets, secureStrings } from '../helpers/fixtures/protection.js';
import { ACCOUNT, accountInput, ok, REGION } from '../helpers/input.js';
import { unreadRegionCases, UNREAD_REGION } from '../helpers/region-view-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

const ROOT = `arn:aws:iam::${ACCOUNT}:root`;
const regions = [REGION, UNREAD_REGION];
const none = { secrets: ok(secrets()), parameters: ok(secureStrings()) };

runCheckCases(check, [
  {
    name: 'secrets and SecureString parameters present: PASS with counts and rotation',
    input: accountInput({
      regions,
      data: {
        secrets: { [REGION]: ok(secrets(secret('db', true), secret('api'))), [UNREAD_REGION]: ok(secrets()) },
        parameters: { [REGION]: ok(secureStrings()), [UNREAD_REGION]: ok(secureStrings('/app/token')) },
      },
    }),
    expected: [{ status: 'PASS', messageId: 'storesInUse', resource: ROOT, params: { secrets: 2, rotating: 1, notRotating: 1, parameters: 1, regions: `${REGION}, ${UNREAD_REGION}` } }],
  },
  {
    name: 'nothing in either store: WARN',
    input: accountInput({ regions, data: { secrets: { [REGION]: none.secrets, [UNREAD_REGION]: none.secrets }, parameters: { [REGION]: none.parameters, [UNREAD_REGION]: none.parameters } } }),
    expected: [{ status: 'WARN', messageId: 'noneSeen', resource: ROOT }],
  },
  ...unreadRegionCases({
    input: (view, closedRegions) =>
      accountInput({ regions, closedRegions, data: { secrets: { [REGION]: none.secrets, [UNREAD_REGION]: view }, parameters: { [REGION]: none.parameters, [UNREAD_REGION]: none.parameters } } }),
    resource: ROOT,
    then: [{ status: 'WARN', messageId: 'noneSeen', resource: ROOT }],
  }),
]);
