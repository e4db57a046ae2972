import { describe, expect, it } from 'vitest';
import { decide, type Caller, type PolicyGrant, type PolicyItem } from './decide.js';

const NOW = new Date('2026-11-25T00:00:00Z');
const PSB = '1111000000000011PL';
const TAX = '111100000000001400';
const item = (over: Partial<PolicyItem> = {}): PolicyItem => ({ id: 'Person.phone', sharingType: 'CONDITIONAL', providerCode: PSB, openAttribute: 'NOT_OPEN', ...over });
const grant = (over: Partial<PolicyGrant> = {}): PolicyGrant => ({
  id: 'g1', providerCode: PSB, items: ['Person.phone'], purpose: 'TAX_REGISTRATION', accessLevel: 'FULL', expiresAt: new Date('2027-01-01T00:00:00Z'), revokedAt: null, ...over,
});
const dept = (over: Partial<Caller> = {}): Caller => ({ role: 'DEPARTMENT_SYSTEM', department: TAX, subject: 'sys', purpose: 'TAX_REGISTRATION', ...over });

describe('decide', () => {
  it('denies an item missing from the catalogue', () => {
    expect(decide(dept(), undefined, {}, [grant()], NOW)).toMatchObject({ allow: false, reason: 'NOT_IN_CATALOGUE' });
  });

  it('lets the provider read its own items, even NOT_SHARED ones', () => {
    expect(decide(dept({ department: PSB }), item({ sharingType: 'NOT_SHARED' }), {}, [], NOW)).toMatchObject({ allow: true, basis: 'PROVIDER', level: 'FULL' });
  });

  it('takes the provider from the record when the item names none (a licence\'s issuer)', () => {
    expect(decide(dept(), item({ providerCode: null, sharingType: 'NOT_SHARED' }), { providerCode: TAX }, [], NOW)).toMatchObject({ allow: true, basis: 'PROVIDER' });
    expect(decide(dept(), item({ providerCode: null, sharingType: 'NOT_SHARED' }), { providerCode: PSB }, [], NOW)).toMatchObject({ allow: false, reason: 'NOT_SHARED' });
  });

  it('shares unconditional items with any department, without a purpose', () => {
    expect(decide(dept({ purpose: undefined }), item({ sharingType: 'UNCONDITIONAL' }), {}, [], NOW)).toMatchObject({ allow: true, basis: 'UNCONDITIONAL' });
  });

  it.each([
    ['no grant', [], 'NO_GRANT', 'TAX_REGISTRATION'],
    ['an expired grant', [grant({ expiresAt: new Date('2026-01-01T00:00:00Z') })], 'GRANT_EXPIRED', 'TAX_REGISTRATION'],
    ['a revoked grant', [grant({ revokedAt: new Date('2026-11-01T00:00:00Z') })], 'GRANT_REVOKED', 'TAX_REGISTRATION'],
    ['no stated purpose', [grant()], 'PURPOSE_MISSING', undefined],
    ['another purpose', [grant()], 'PURPOSE_MISMATCH', 'MARKETING'],
    ['a grant of other items', [grant({ items: ['Person.name'] })], 'NO_GRANT', 'TAX_REGISTRATION'],
  ] as const)('refuses a conditional item with %s', (_label, grants, reason, purpose) => {
    expect(decide(dept({ purpose }), item(), {}, grants, NOW)).toMatchObject({ allow: false, reason });
  });

  it('allows a conditional item under a live grant for the stated purpose, at the grant\'s level', () => {
    expect(decide(dept(), item(), {}, [grant({ accessLevel: 'MASKED' })], NOW)).toEqual({ allow: true, level: 'MASKED', basis: 'GRANT', grantId: 'g1' });
    expect(decide(dept(), item(), {}, [grant({ id: 'm', accessLevel: 'MASKED' }), grant({ id: 'f' })], NOW)).toMatchObject({ level: 'FULL', grantId: 'f' });
  });

  it('counts a grant only for data its grantor provides (a licence item of another issuer is not covered)', () => {
    const licenceItem = item({ id: 'License.holderName', providerCode: null });
    const byIssuerA = grant({ items: ['License.holderName'], providerCode: PSB });
    expect(decide(dept(), licenceItem, { providerCode: PSB }, [byIssuerA], NOW)).toMatchObject({ allow: true, basis: 'GRANT' });
    expect(decide(dept(), licenceItem, { providerCode: '1111000000000012TY' }, [byIssuerA], NOW)).toMatchObject({ allow: false, reason: 'NO_GRANT' });
  });

  it('refuses NOT_SHARED items to other departments whatever their grants', () => {
    expect(decide(dept(), item({ sharingType: 'NOT_SHARED' }), {}, [grant()], NOW)).toMatchObject({ allow: false, reason: 'NOT_SHARED' });
  });

  it('lets a citizen read all of their own record, and only open items of others', () => {
    const citizen: Caller = { role: 'CITIZEN', department: undefined, subject: '11010519491231002X', purpose: undefined };
    expect(decide(citizen, item({ sharingType: 'NOT_SHARED' }), { ownerCitizen: '11010519491231002X' }, [], NOW)).toMatchObject({ allow: true, basis: 'SELF' });
    expect(decide(citizen, item({ sharingType: 'UNCONDITIONAL' }), { ownerCitizen: '110105194912310021' }, [], NOW)).toMatchObject({ allow: false, reason: 'NOT_YOUR_RECORD' });
    expect(decide(citizen, item({ openAttribute: 'OPEN' }), {}, [], NOW)).toMatchObject({ allow: true, basis: 'OPEN' });
  });

  it('names the lapsed grant for the stated purpose even while another purpose\'s grant of the item is live', () => {
    const other = grant({ id: 'g2', purpose: 'SOCIAL_SECURITY' });
    expect(decide(dept(), item(), {}, [grant({ revokedAt: NOW }), other], NOW)).toMatchObject({ allow: false, reason: 'GRANT_REVOKED' });
    expect(decide(dept(), item(), {}, [grant({ expiresAt: new Date('2026-01-01T00:00:00Z') }), other], NOW)).toMatchObject({ allow: false, reason: 'GRANT_EXPIRED' });
    expect(decide(dept({ purpose: 'LICENSING' }), item(), {}, [grant({ revokedAt: NOW }), other], NOW)).toMatchObject({ allow: false, reason: 'PURPOSE_MISMATCH' });
  });
});
