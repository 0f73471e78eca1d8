import check from '../../checks/guardduty-network-findings-routed.js';
import { guardDutyRoutingCases } from '../helpers/guardduty-routing-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

runCheckCases(check, guardDutyRoutingCases('guardduty:c2-activity', 'guardduty:credential-exfiltration'));
