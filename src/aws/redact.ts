// Scrubs anything that looks like a credential from text we keep (error messages, reasons).
// Secret keys are 40 base64 characters and session tokens are longer, so any run of 40 or more
// base64 characters goes; access key IDs are not secret but have no place in a report either.

const LONG_BASE64 = /[A-Za-z0-9/+=]{40,}/g;
const ACCESS_KEY_ID = /\b(?:AKIA|ASIA|AROA|AIDA)[A-Z0-9]{16}\b/g;

export const REDACTED = '[redacted]';

export function redactSecrets(text: string): string {
  return text.replace(LONG_BASE64, REDACTED).replace(ACCESS_KEY_ID, REDACTED);
}
