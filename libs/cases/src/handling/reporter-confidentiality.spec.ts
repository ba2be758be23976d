import type { LinkedRow } from './reporter-confidentiality';
import { HIDDEN_NUMBER, linksFor, withoutNumbers } from './reporter-confidentiality';

const complaint = { track: 'complaint' as const };
const report = { track: 'report' as const };
/** The other half of a "both" filing: the consumer's own report, handled by the area bureau. */
const theirReport: LinkedRow = {
  id: '2',
  trackingNo: '2611210000022',
  track: 'report',
  status: 'deciding',
  relation: 'linked',
  assigneeCode: 'MR-371502',
  intakeChannel: 'web',
};
/** A report staff opened from a violation found in mediation: no reporter. */
const referral: LinkedRow = { ...theirReport, id: '3', trackingNo: '2611210000033', intakeChannel: 'referral' };
const duplicate: LinkedRow = {
  id: '4',
  trackingNo: '2611210000044',
  track: 'complaint',
  status: 'duplicate',
  relation: 'duplicate',
  assigneeCode: null,
  intakeChannel: 'web',
};
const station = { handler: true, unit: 'ST-371502-001' };

describe('reporter confidentiality in the case file', () => {
  it("a complaint's handler who does not handle the consumer's report is not told it, nor its number", () => {
    const { shown, hiddenNumbers } = linksFor(complaint, [theirReport, referral, duplicate], station);
    expect(shown.map((l) => l.id)).toEqual(['3', '4']);
    expect(hiddenNumbers).toEqual(['2611210000022']);
  });

  it.each([
    ['a city analyst (no unit)', { handler: false, unit: null }],
    ['a county bureau overseeing the station', { handler: false, unit: 'MR-371599' }],
  ])('nor is %s', (_who, reader) => {
    expect(linksFor(complaint, [theirReport], reader)).toEqual({ shown: [], hiddenNumbers: ['2611210000022'] });
  });

  it("the report's own handler sees it, with its progress", () => {
    const { shown } = linksFor(complaint, [theirReport], { handler: false, unit: 'MR-371502' });
    expect(shown).toEqual([{ id: '2', trackingNo: '2611210000022', track: 'report', status: 'deciding', relation: 'linked' }]);
  });

  it('a report opened from a violation lead has no reporter: shown, with its progress', () => {
    expect(linksFor(complaint, [referral], station).shown[0]).toMatchObject({ id: '3', status: 'deciding' });
  });

  it("reading a report: its handler sees its links (the other reports' progress only if it handles them), others none to complaints", () => {
    const other: LinkedRow = { ...theirReport, id: '5', trackingNo: '2611210000055', assigneeCode: 'MR-371500', relation: 'duplicate' };
    const complaintHalf: LinkedRow = { ...duplicate, id: '6', trackingNo: '2611210000066', relation: 'linked', status: 'mediating' };
    const bureau = { handler: true, unit: 'MR-371502' };
    expect(linksFor(report, [other, complaintHalf], bureau).shown).toEqual([
      { id: '5', trackingNo: '2611210000055', track: 'report', status: null, relation: 'duplicate' },
      { id: '6', trackingNo: '2611210000066', track: 'complaint', status: 'mediating', relation: 'linked' },
    ]);
    const analyst = linksFor(report, [other, complaintHalf], { handler: false, unit: null });
    expect(analyst.shown.map((l) => l.id)).toEqual(['5']);
    expect(analyst.hiddenNumbers).toEqual(['2611210000066']);
  });

  it('takes a hidden number out of history notes and event data, whatever their shape', () => {
    const receipt = '您的投诉和举报已收到，查询编号2611210000011（投诉）、2611210000022（举报），查询码********。';
    expect(withoutNumbers(receipt, ['2611210000022'])).toBe(
      `您的投诉和举报已收到，查询编号2611210000011（投诉）、${HIDDEN_NUMBER}（举报），查询码********。`,
    );
    expect(withoutNumbers({ a: ['2611210000022'], b: { c: 'x 2611210000022 y' }, n: 3, at: null }, ['2611210000022'])).toEqual({
      a: [HIDDEN_NUMBER],
      b: { c: `x ${HIDDEN_NUMBER} y` },
      n: 3,
      at: null,
    });
    expect(withoutNumbers(null, ['2611210000022'])).toBeNull();
    expect(HIDDEN_NUMBER).toHaveLength('2611210000022'.length);
  });
});
