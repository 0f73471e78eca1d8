// A small XML writer for the query protocols. Objects become nested elements, arrays become a
// wrapper element whose entries are `<member>` (awsQuery) or `<item>` (ec2Query).

export type ListStyle = 'member' | 'item';

export function escapeXml(text: string): string {
  return text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`);
}

export function toXml(name: string, value: unknown, style: ListStyle): string {
  if (value === undefined || value === null) return '';
  return `<${name}>${xmlContent(value, style)}</${name}>`;
}

export function xmlContent(value: unknown, style: ListStyle): string {
  if (Array.isArray(value)) return value.map((entry) => toXml(style, entry, style)).join('');
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value)
      .map(([key, child]) => toXml(key, child, style))
      .join('');
  }
  return escapeXml(String(value));
}
