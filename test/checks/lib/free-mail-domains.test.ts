import { describe, expect, it } from 'vitest';
import { emailDomain, isCompanyDomain, isFreeMailDomain } from '../../../checks/lib/free-mail-domains.js';

describe('free-mail domains', () => {
  it.each(['gmail.com', 'GoogleMail.com', 'outlook.com', 'hotmail.fr', 'live.co.uk', 'yahoo.com.br', 'icloud.com', 'me.com', 'aol.com', 'proton.me', 'protonmail.com', 'gmx.de', 'gmx.net', 'mail.com', 'yandex.ru', 'zoho.com'])(
    '%s is free mail',
    (domain) => expect(isFreeMailDomain(domain)).toBe(true),
  );

  it.each(['example.com', 'gmx-consulting.com', 'mail.example.com', 'outlook.example.com', 'live.example.org'])('%s is not', (domain) => {
    expect(isFreeMailDomain(domain)).toBe(false);
  });

  it('takes the domain after the last @, lower case', () => {
    expect(emailDomain('aws+prod@Example.COM')).toBe('example.com');
    expect(emailDomain('"a@b"@example.com')).toBe('example.com');
    expect(emailDomain('no-domain@')).toBeUndefined();
    expect(emailDomain('plain')).toBeUndefined();
  });

  it('counts subdomains of a company domain as the company\'s', () => {
    expect(isCompanyDomain('corp.example.com', ['example.com'])).toBe(true);
    expect(isCompanyDomain('example.com', ['example.com'])).toBe(true);
    expect(isCompanyDomain('notexample.com', ['example.com'])).toBe(false);
  });
});
