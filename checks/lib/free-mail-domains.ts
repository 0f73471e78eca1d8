// Free-mail providers: an account contact on one of these domains belongs to a person, not the company
// (ACOM-002). Maintained list: add a provider when partners meet one; keep each entry a domain people
// sign up on for free, never a domain a company can own its addresses on.

/** Exact free-mail domains. */
const FREE_MAIL_DOMAINS = new Set([
  'gmail.com', 'googlemail.com',
  'outlook.com', 'hotmail.com', 'live.com', 'msn.com', 'passport.com',
  'yahoo.com', 'ymail.com', 'rocketmail.com',
  'icloud.com', 'me.com', 'mac.com',
  'aol.com', 'aim.com',
  'proton.me', 'protonmail.com', 'protonmail.ch', 'pm.me',
  'mail.com', 'email.com', 'usa.com',
  'zoho.com', 'zohomail.com',
  'tutanota.com', 'tutanota.de', 'tuta.io', 'tutamail.com',
  'duck.com',
  'mail.ru', 'inbox.ru', 'list.ru', 'bk.ru', 'rambler.ru',
  'qq.com', '163.com', '126.com', 'sina.com', 'yeah.net', 'foxmail.com',
  'naver.com', 'daum.net', 'hanmail.net',
  'web.de', 'freenet.de', 't-online.de',
  'libero.it', 'virgilio.it',
  'laposte.net', 'orange.fr', 'free.fr', 'wanadoo.fr', 'sfr.fr',
  'seznam.cz', 'wp.pl', 'o2.pl', 'interia.pl', 'onet.pl',
  'rediffmail.com', 'inbox.com', 'hushmail.com', 'mailfence.com', 'posteo.de', 'posteo.net',
]);

/**
 * Providers that sign people up under their name in many country domains (gmx.de, yahoo.co.uk,
 * hotmail.fr, yandex.ru): the name followed by a country or generic top-level domain.
 */
const FREE_MAIL_FAMILIES = ['gmx', 'yandex', 'yahoo', 'hotmail', 'outlook', 'live', 'windowslive', 'aol', 'protonmail'];
const FAMILY_DOMAIN = new RegExp(`^(${FREE_MAIL_FAMILIES.join('|')})\\.([a-z]{2,3}|(co|com|net|org)\\.[a-z]{2})$`);

export function isFreeMailDomain(domain: string): boolean {
  const lower = domain.toLowerCase();
  return FREE_MAIL_DOMAINS.has(lower) || FAMILY_DOMAIN.test(lower);
}

/** The part after the last `@`, lower case; undefined for something that is no email address. */
export function emailDomain(email: string): string | undefined {
  const at = email.lastIndexOf('@');
  return at > 0 && at < email.length - 1 ? email.slice(at + 1).toLowerCase() : undefined;
}

/** Whether `domain` is one of `companyDomains` or a subdomain of one. */
export function isCompanyDomain(domain: string, companyDomains: readonly string[]): boolean {
  return companyDomains.some((company) => domain === company || domain.endsWith(`.${company}`));
}
