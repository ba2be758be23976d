import { normaliseTrackingNo } from '../tracking-number';
import type { JointActor, JointCandidate, JointCaseInput } from './joint-case.rules';
import { actorMayGroup, byConsumer, decideJointCase, makeJointNo } from './joint-case.rules';

const NOW = new Date('2026-12-04T10:00:00+08:00');

const county = (areaCode = '371502', over: Partial<JointActor> = {}): JointActor => ({
  role: 'regulator-staff',
  unit: { type: 'regulator', code: `MR-${areaCode}`, kind: 'market', level: 'county', areaCode },
  ...over,
});
const city: JointActor = {
  role: 'regulator-staff',
  unit: { type: 'regulator', code: 'MR-371500', kind: 'market', level: 'city', areaCode: null },
};

const kase = (id: string, over: Partial<JointCandidate> = {}): JointCandidate => ({
  id,
  trackingNo: `T${id}`,
  track: 'complaint',
  status: 'assigned',
  respondentKey: 'name:某餐饮店',
  respondentName: '某餐饮店',
  respondentAreaCode: '371502',
  inCity: true,
  jointNo: null,
  ...over,
});
const written = (caseId: string) => ({ caseId, consentMethod: 'written' });
const input = (...ids: string[]): JointCaseInput => ({ members: ids.map(written) });

describe('who may handle complaints jointly (Order 121 Art. 12, 13)', () => {
  it.each<[string, JointActor, boolean]>([
    ['a county market bureau', county(), true],
    ['the city market bureau', city, true],
    ['a station', { role: 'station-staff', unit: { type: 'station', code: 'ST-1', kind: null, level: null, areaCode: '371502' } }, false],
    [
      'a sector regulator',
      { role: 'regulator-staff', unit: { type: 'regulator', code: 'CT-371500', kind: 'sector', level: 'city', areaCode: null } },
      false,
    ],
    [
      'a provincial bureau',
      { role: 'regulator-staff', unit: { type: 'regulator', code: 'MR-370000', kind: 'market', level: 'province', areaCode: null } },
      false,
    ],
    ['a city analyst', { role: 'city-analyst', unit: null }, false],
    ['an administrator', { role: 'admin', unit: null }, false],
    ['a county bureau with no area', county('371502', { unit: { ...county().unit!, areaCode: null } }), false],
  ])('%s: %s', (_what, actor, may) => expect(actorMayGroup(actor)).toBe(may));
});

describe('decideJointCase', () => {
  const both = [kase('1'), kase('2')];

  it.each<[string, JointActor, JointCaseInput, JointCandidate[], number | 'ok', RegExp?]>([
    ['two complaints, consent in writing, the county bureau', county(), input('1', '2'), both, 'ok'],
    [
      'the city bureau, any area of the city',
      city,
      input('1', '2'),
      [kase('1', { respondentAreaCode: '371521' }), kase('2', { respondentAreaCode: '371521' })],
      'ok',
    ],
    ['one complaint', county(), input('1'), [kase('1')], 400, /at least 2/],
    ['the same case twice', county(), input('1', '1'), [kase('1')], 400, /members\.1\.caseId: the same case is listed twice/],
    [
      'a station',
      { role: 'station-staff', unit: { type: 'station', code: 'ST', kind: null, level: null, areaCode: '371502' } },
      input('1', '2'),
      both,
      403,
    ],
    ['another county', county('371521'), input('1', '2'), both, 403, /no jurisdiction over the respondent of T1, T2/],
    ['the city bureau, a respondent outside the city', city, input('1', '2'), [kase('1'), kase('2', { inCity: false })], 403, /T2/],
    ['an unknown case', county(), input('1', '9'), both, 400, /members\.1\.caseId: no such case/],
    ['a report', county(), input('1', '2'), [kase('1'), kase('2', { track: 'report' })], 400, /reports cannot .*T2/],
    [
      'another respondent',
      county(),
      input('1', '2'),
      [kase('1'), kase('2', { respondentKey: 'name:别家' })],
      400,
      /respondent of T2 is not 某餐饮店/,
    ],
    ['a closed case', county(), input('1', '2'), [kase('1'), kase('2', { status: 'closed' })], 409, /T2 \(closed\)/],
    ['a settled case', county(), input('1', '2'), [kase('1', { status: 'settled' }), kase('2')], 409, /T1/],
    ['a withdrawn case', county(), input('1', '2'), [kase('1'), kase('2', { status: 'withdrawn' })], 409, /T2/],
    ['a resolved case', county(), input('1', '2'), [kase('1'), kase('2', { status: 'resolved' })], 409, /T2/],
    ['a case in mediation', county(), input('1', '2'), [kase('1'), kase('2', { status: 'mediating' })], 'ok'],
    ['a case still in the settlement stage', county(), input('1', '2'), [kase('1'), kase('2', { status: 'negotiating' })], 'ok'],
    [
      'a case already joined',
      county(),
      input('1', '2'),
      [kase('1'), kase('2', { jointNo: 'GT2612040000176' })],
      409,
      /T2 \(GT2612040000176\)/,
    ],
  ])('%s → %s', (_what, actor, req, found, expected, ...rest) => {
    // (A rest parameter: rows without a message must not make Jest wait for a `done` callback.)
    const [message] = rest;
    const d = decideJointCase(actor, req, found, NOW);
    if (expected === 'ok') return expect(d).toEqual({ ok: true, respondentKey: 'name:某餐饮店', respondentName: '某餐饮店' });
    expect(d.ok).toBe(false);
    if (d.ok) return;
    expect(d.status).toBe(expected);
    expect(d.message.zh).toMatch(/[\u4e00-\u9fff]/);
    if (message) expect(d.message.en).toMatch(message);
  });

  it.each<[string, JointCaseInput, string]>([
    ['no consent method', { members: [written('1'), { caseId: '2' }] }, 'members.1.consentMethod'],
    ['an unknown consent method', { members: [written('1'), { caseId: '2', consentMethod: 'implied' }] }, 'members.1.consentMethod'],
    ['consent by phone without a note', { members: [{ caseId: '1', consentMethod: 'phone' }, written('2')] }, 'members.0.consentNote'],
    [
      'consent in person with a blank note',
      { members: [written('1'), { caseId: '2', consentMethod: 'in-person', consentNote: '  ' }] },
      'members.1.consentNote',
    ],
    [
      'consent in the future',
      { members: [written('1'), { caseId: '2', consentMethod: 'online', consentAt: '2026-12-05T10:00:00+08:00' }] },
      'members.1.consentAt',
    ],
    [
      'a consent time that is no time',
      { members: [written('1'), { caseId: '2', consentMethod: 'online', consentAt: 'yesterday' }] },
      'members.1.consentAt',
    ],
    ['three representatives', { members: ['1', '2', '3'].map(written), representatives: ['1', '2', '3'] }, 'representatives'],
    ['a representative who is not a member', { members: [written('1'), written('2')], representatives: ['1', '7'] }, 'representatives.1'],
  ])('%s: 400 naming %s', (_what, req, field) => {
    const d = decideJointCase(county(), req, [kase('1'), kase('2'), kase('3')], NOW);
    expect(d).toMatchObject({ ok: false, status: 400 });
    if (d.ok) return;
    expect(d.fields?.map((f) => f.field)).toContain(field);
  });

  it('consent by phone or in person with a note, and two representatives among the members, is enough', () => {
    const req: JointCaseInput = {
      members: [
        { caseId: '1', consentMethod: 'phone', consentNote: '12月3日下午致电，投诉人本人同意' },
        { caseId: '2', consentMethod: 'in-person', consentNote: '12月4日来局当面同意' },
        { caseId: '3', consentMethod: 'online' },
      ],
      representatives: ['1', '3'],
    };
    expect(decideJointCase(county(), req, [kase('1'), kase('2'), kase('3')], NOW).ok).toBe(true);
  });
});

describe('joint numbers and consumers', () => {
  it('a joint number reads like a tracking number, with GT in front and a check digit', () => {
    const no = makeJointNo('2026-12-04', 17);
    expect(no).toMatch(/^GT261204000017\d$/);
    expect(normaliseTrackingNo(no.slice(2))).toBe(no.slice(2));
  });

  it('one notice per consumer: cases grouped by phone, in id order', () => {
    const groups = byConsumer([
      { id: '12', phoneHash: 'b' },
      { id: '3', phoneHash: 'a' },
      { id: '10', phoneHash: 'a' },
    ]);
    expect(groups.map((g) => g.map((m) => m.id))).toEqual([['3', '10'], ['12']]);
  });
});
