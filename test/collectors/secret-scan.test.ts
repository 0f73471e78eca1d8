// The scanner every collector uses on configuration that may hold credentials.

import { describe, expect, it } from 'vitest';
import { scanText, scanVariables, shortHash } from '../../src/datasets/secret-scan.js';

describe('secret scan', () => {
  it('describes each variable by name and hash, flagging access keys, references and secret-looking names', () => {
    expect(scanVariables({ STRIPE_API_KEY: 'sk_live_x', REGION: 'eu-west-1', DB_PASSWORD: '{{resolve:secretsmanager:db}}', KEY: 'ASIAABCDEFGHIJKLMNOP' })).toEqual([
      { name: 'STRIPE_API_KEY', hash: shortHash('sk_live_x'), accessKeyId: false, reference: false, secretName: true },
      { name: 'REGION', hash: shortHash('eu-west-1'), accessKeyId: false, reference: false, secretName: false },
      { name: 'DB_PASSWORD', hash: shortHash('{{resolve:secretsmanager:db}}'), accessKeyId: false, reference: true, secretName: true },
      { name: 'KEY', hash: shortHash('ASIAABCDEFGHIJKLMNOP'), accessKeyId: true, reference: false, secretName: false },
    ]);
    expect(scanVariables(undefined)).toEqual([]);
  });

  it('finds assignments, YAML keys, inline access keys and private keys in a script, ignoring empty and harmless values', () => {
    const text = [
      'password: hunter2',
      '"client_secret": "abc",',
      'TOKEN=',
      'NAME=web',
      'aws s3 cp --access-key AKIAIOSFODNN7EXAMPLE s3://b/k .',
      '-----BEGIN RSA PRIVATE KEY-----',
      'MIIE',
      '-----END RSA PRIVATE KEY-----',
    ].join('\n');
    const scanned = scanText(text);
    expect(scanned.values.map((v) => v.name)).toEqual(['password', 'client_secret', '(inline)', '(private key)']);
    expect(scanned.values.find((v) => v.name === '(inline)')?.accessKeyId).toBe(true);
    expect(scanned.values.find((v) => v.name === '(private key)')?.secretName).toBe(true);
    expect(scanned.bytes).toBe(Buffer.byteLength(text));
    expect(scanned.hash).toMatch(/^[0-9a-f]{8}$/);
  });
});
