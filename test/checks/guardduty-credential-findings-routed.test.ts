import check from '../../checks/guardduty-credential-findings-routed.js';
import { guardDutyRoutingCases } from '../helpers/guardduty-routing-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

runCheckCases(check, guardDutyRoutingCases('guardduty:credential-exfiltration', 'guardduty:c2-activity'));
