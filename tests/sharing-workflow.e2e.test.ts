import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEPARTMENTS } from '../src/seed/catalogue.js';
import { seedCatalogue } from '../src/seed/load.js';
import { startHub, type TestHub } from './fixtures/hub.js';

const CHECK = 'query($items: [String!]!, $purpose: String) { accessCheck(items: $items, purpose: $purpose) { item allowed level reason grantId } }';
const REQUEST = 'mutation($input: RequestSharingInput!) { requestSharing(input: $input) { id status dueAt overdue items consumer { code } provider { code } } }';

describe('catalogue → request → grant (through the gateway)', () => {
  let hub: TestHub;
  let tax: string;
  let psb: string;
  let amr: string;

  beforeAll(async () => {
    hub = await startHub({ prepare: (db) => seedCatalogue(db) });
    // The tax bureau states no purpose in its token: requests say it per call (accessCheck's purpose).
    tax = await hub.tokens.department(DEPARTMENTS.bjTax.code, null);
    psb = await hub.tokens.department(DEPARTMENTS.bjPsb.code);
    amr = await hub.tokens.department(DEPARTMENTS.bjAmr.code);
  });
  afterAll(() => hub?.close());

  const check = async (token: string, items: string[], purpose?: string) =>
    (await hub.gql<{ accessCheck: Array<{ item: string; allowed: boolean; level: string | null; reason: string; grantId: string | null }> }>(CHECK, { items, purpose }, token)).data!.accessCheck;

  describe('catalog', () => {
    it('lists every field of Person, LegalEntity, License and each licence type\'s data, with sharing attributes', async () => {
      const res = await hub.gql<{ catalog: Array<{ id: string; sharingType: string; provider: { code: string } | null }> }>('{ catalog { id sharingType provider { code } } }', {}, tax);
      const ids = res.data!.catalog.map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining(['Person.phone', 'Person.name', 'LegalEntity.legalRepresentative', 'License.holderName', 'License.token']));
      expect(ids.some((id) => id.startsWith('License.data.'))).toBe(true);
      expect(res.data!.catalog.find((i) => i.id === 'Person.phone')).toMatchObject({ sharingType: 'CONDITIONAL', provider: { code: DEPARTMENTS.bjPsb.code } });
    });

    it('the sharing list leaves out NOT_SHARED items; the open list holds OPEN items only', async () => {
      const shared = await hub.gql<{ sharingList: Array<{ sharingType: string }> }>('{ sharingList { sharingType } }', {}, tax);
      expect(shared.data!.sharingList.length).toBeGreaterThan(0);
      expect(shared.data!.sharingList.every((i) => i.sharingType !== 'NOT_SHARED')).toBe(true);
      const open = await hub.gql<{ openList: Array<{ openAttribute: string }> }>('{ openList { openAttribute } }', {}, tax);
      expect(open.data!.openList.length).toBeGreaterThan(0);
      expect(open.data!.openList.every((i) => i.openAttribute === 'OPEN')).toBe(true);
    });

    it('administrators change an item with a reason and history; others may not; stale versions conflict', async () => {
      const UPDATE = 'mutation($input: UpdateCatalogItemInput!) { updateCatalogItem(input: $input) { id version sharingType history { reason before after changedBy } } }';
      const denied = await hub.gql(UPDATE, { input: { id: 'Person.ethnicity', expectedVersion: 1, reason: '调整', sharingType: 'UNCONDITIONAL' } }, tax);
      expect(denied.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const admin = await hub.tokens.admin();
      const changed = await hub.gql<{ updateCatalogItem: { version: number; sharingType: string; history: Array<{ reason: string; before: unknown; after: unknown }> } }>(
        UPDATE, { input: { id: 'Person.ethnicity', expectedVersion: 1, reason: '依据新修订的目录', sharingType: 'NOT_SHARED' } }, admin,
      );
      expect(changed.errors).toBeUndefined();
      expect(changed.data!.updateCatalogItem).toMatchObject({ version: 2, sharingType: 'NOT_SHARED' });
      expect(changed.data!.updateCatalogItem.history).toEqual([expect.objectContaining({ reason: '依据新修订的目录', before: { sharingType: 'CONDITIONAL' }, after: { sharingType: 'NOT_SHARED' } })]);
      const stale = await hub.gql(UPDATE, { input: { id: 'Person.ethnicity', expectedVersion: 1, reason: '再改', sharingType: 'CONDITIONAL' } }, admin);
      expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'STALE_VERSION' });
    });
  });

  describe('accessCheck (can I?)', () => {
    it('answers per item without reading data: unconditional, no grant, not shared, provider', async () => {
      const answers = await check(tax, ['Person.gender', 'Person.phone', 'License.token', 'Person.unknownField']);
      expect(answers.map((a) => [a.item, a.allowed, a.reason])).toEqual([
        ['Person.gender', true, 'UNCONDITIONAL'],
        ['Person.phone', false, 'NO_GRANT'],
        ['License.token', false, 'NOT_SHARED'],
        ['Person.unknownField', false, 'NOT_IN_CATALOGUE'],
      ]);
      expect((await check(psb, ['Person.phone']))[0]).toMatchObject({ allowed: true, reason: 'PROVIDER', level: 'FULL' });
    });
  });

  describe('requests and grants', () => {
    it('request → approve (MASKED, expiry) → allowed for that purpose only → revoke → refused', async () => {
      const created = await hub.gql<{ requestSharing: { id: string; status: string; dueAt: string; overdue: boolean } }>(REQUEST, {
        input: { provider: DEPARTMENTS.bjPsb.code, items: ['Person.phone', 'Person.residenceAddress'], purpose: 'TAX_REGISTRATION', legalBasis: '《税收征收管理法》第六条', scenario: '税务登记' },
      }, tax);
      expect(created.errors).toBeUndefined();
      const request = created.data!.requestSharing;
      expect(request).toMatchObject({ status: 'PENDING', overdue: false });
      expect(Date.parse(request.dueAt)).toBeGreaterThan(Date.now() + 6 * 86_400_000);

      const APPROVE = 'mutation($input: ApproveSharingRequestInput!) { approveSharingRequest(input: $input) { status grant { id accessLevel active } } }';
      const notProvider = await hub.gql(APPROVE, { input: { id: request.id, accessLevel: 'FULL', expiresAt: '2030-01-01T00:00:00Z' } }, amr);
      expect(notProvider.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      const approved = await hub.gql<{ approveSharingRequest: { status: string; grant: { id: string; accessLevel: string; active: boolean } } }>(
        APPROVE, { input: { id: request.id, accessLevel: 'MASKED', expiresAt: '2030-01-01T00:00:00Z' } }, psb,
      );
      expect(approved.data!.approveSharingRequest).toMatchObject({ status: 'APPROVED', grant: { accessLevel: 'MASKED', active: true } });
      const grantId = approved.data!.approveSharingRequest.grant.id;

      expect((await check(tax, ['Person.phone'], 'TAX_REGISTRATION'))[0]).toMatchObject({ allowed: true, level: 'MASKED', reason: 'GRANT', grantId });
      expect((await check(tax, ['Person.phone'], 'MARKETING'))[0]).toMatchObject({ allowed: false, reason: 'PURPOSE_MISMATCH' });
      expect((await check(tax, ['Person.phone']))[0]).toMatchObject({ allowed: false, reason: 'PURPOSE_MISSING' });
      expect((await check(tax, ['Person.name'], 'TAX_REGISTRATION'))[0]).toMatchObject({ allowed: false, reason: 'NO_GRANT' });

      const again = await hub.gql(APPROVE, { input: { id: request.id, accessLevel: 'FULL', expiresAt: '2030-01-01T00:00:00Z' } }, psb);
      expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', reason: 'NOT_PENDING' });

      const revoked = await hub.gql<{ revokeGrant: { active: boolean; revokeReason: string } }>('mutation($id: ID!) { revokeGrant(id: $id, reason: "用途已完成") { active revokeReason } }', { id: grantId }, psb);
      expect(revoked.data!.revokeGrant).toEqual({ active: false, revokeReason: '用途已完成' });
      expect((await check(tax, ['Person.phone'], 'TAX_REGISTRATION'))[0]).toMatchObject({ allowed: false, reason: 'GRANT_REVOKED' });
    });

    it('refuses requests for items that need none, and providers refuse with reasons', async () => {
      const unconditional = await hub.gql(REQUEST, { input: { provider: DEPARTMENTS.bjPsb.code, items: ['Person.gender'], purpose: 'TAX_REGISTRATION', legalBasis: '法规', scenario: '场景' } }, tax);
      expect(unconditional.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.items', reason: 'UNCONDITIONAL' });
      const wrongProvider = await hub.gql(REQUEST, { input: { provider: DEPARTMENTS.bjAmr.code, items: ['Person.phone'], purpose: 'TAX_REGISTRATION', legalBasis: '法规', scenario: '场景' } }, tax);
      expect(wrongProvider.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'OTHER_PROVIDER' });
      const created = await hub.gql<{ requestSharing: { id: string } }>(REQUEST, { input: { provider: DEPARTMENTS.bjPsb.code, items: ['Person.householdAddress'], purpose: 'MARKETING_SURVEY', legalBasis: '无明确依据', scenario: '营销' } }, tax);
      const refused = await hub.gql<{ refuseSharingRequest: { status: string; refusalReason: string } }>(
        'mutation($id: ID!) { refuseSharingRequest(id: $id, reason: "无法定依据，用途与履职无关") { status refusalReason } }', { id: created.data!.requestSharing.id }, psb,
      );
      expect(refused.data!.refuseSharingRequest).toEqual({ status: 'REFUSED', refusalReason: '无法定依据，用途与履职无关' });
      const mine = await hub.gql<{ sharingRequests: Array<{ status: string }> }>('{ sharingRequests { status } }', {}, tax);
      expect(mine.data!.sharingRequests.map((r) => r.status).sort()).toEqual(['APPROVED', 'REFUSED']);
      const citizen = await hub.gql('{ sharingRequests { status } }', {}, await hub.tokens.citizen('11010519491231002X'));
      expect(citizen.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    });
  });
});
