import check from '../../checks/guardduty-credential-findings-routed.js';
import { guardDutyRoutingCases } from '../helpers/guardduty-routing-cases.js';
import { runCheckCases } from '../helpers/run-check-cases.js';

runCheckCases(check, guardDutyRoutingCases('guardduty:secops-007', 'guardduty:secops-008'));
