// A finding's severity as shown in security tools: a passed or inapplicable check raises no issue,
// so it is informational whatever the check's severity (as Security Hub does for passed controls).

import type { Finding } from '../contract/results.js';
import type { Severity } from '../contract/status.js';

export function effectiveSeverity(finding: Finding): Severity {
  return finding.status === 'PASS' || finding.status === 'NOT_APPLICABLE' ? 'informational' : finding.severity;
}
