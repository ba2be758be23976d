import type { IsoDate } from '@weiquan/calendar';
import { at, CaseKit } from './support/case-kit';

/**
 * Merging reports through HTTP (docs/RULES.md, "Reports"; Order 121 Art. 35): a report by the same
 * reporter about the same respondent that adds new facts may be merged into the earlier one, whose
 * decision period then counts again from the last report's receipt.
 */
describe('merging reports (Order 121 Art. 35)', () => {
  let kit: CaseKit;

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  /** Acts at 10:00 China time on `day`. */
  const on = <T>(day: IsoDate, work: () => Promise<T>) => at(`${day}T02:00:00Z`, work);
  const clock = (d: { clocks: { clock: string }[] }, name: string) =>
    d.clocks.find((k) => k.clock === name) as Record<string, unknown> | undefined;
  const fields = (res: { body: { details?: { field: string }[] } }) => (res.body.details ?? []).map((x) => x.field);
  const load = async (unit: string) =>
    (await kit.q<{ n: number }>(`select open_cases as n from unit_load where unit_code = $1`, [unit]))[0]?.n ?? 0;

  it('the second report is merged into the first: a duplicate of it, and the first’s period counts again from the second', async () => {
    const body = kit.body({
      kind: 'report',
      incidentDate: '2026-10-20',
      description: '该店后厨使用过期食材，冷库内有多批过期肉类。',
      demand: '请依法查处',
    });
    // Received Mon 2 Nov 2026: due Mon 23 Nov (15 working days; November has no holiday).
    const first = await on('2026-11-02', () => kit.assigned(body));
    expect(first).toMatchObject({ track: 'report', assigneeCode: 'MR-371502' });
    const officer = await kit.handlerOf(first);
    await on('2026-11-03', () => officer.do(first.id, { action: 'accept' }));
    await on('2026-11-03', () => officer.do(first.id, { action: 'extend-decision', note: '需调取监控' }));
    await on('2026-11-04', () => officer.do(first.id, { action: 'pause-clock', note: '样品送检' }));

    // New facts, Thu 5 Nov: received and routed to the same bureau.
    const second = await on('2026-11-05', () =>
      kit.assigned({ ...body, description: `${body.description} 另发现该店无健康证人员从事接触食品工作。` }),
    );
    expect(second).toMatchObject({ assigneeCode: 'MR-371502' });
    expect((await officer.detail(second.id)).allowedActions).toContain('merge-into');

    // Another reporter's report on the same business: refused, naming mergeInto.
    const other = await on('2026-11-05', () =>
      kit.assigned({ ...body, consumer: { ...body.consumer, phone: '13906359999' }, description: '该店卫生条件差，餐具未消毒。' }),
    );
    expect(other.assigneeCode).toBe('MR-371502');
    const byOther = await officer.act(other.id, { action: 'merge-into', note: '补充新的事实', mergeInto: first.trackingNo });
    expect(byOther.status).toBe(400);
    expect(fields(byOther)).toEqual(['mergeInto']);
    expect(byOther.body.message).toContain('another reporter');

    // The same reporter's report on a business in another county, with another bureau: not this unit's to merge into.
    const elsewhere = await on('2026-11-05', () =>
      kit.assigned({
        ...body,
        respondent: { name: '茌平区某餐饮店', address: '茌平区振兴街道新政路 1 号', areaCode: '371503' },
        description: '该店使用过期食材。',
      }),
    );
    expect(elsewhere.assigneeCode).toBe('MR-371503');
    const intoElsewhere = await officer.act(second.id, { action: 'merge-into', note: '补充新的事实', mergeInto: elsewhere.trackingNo });
    expect(intoElsewhere.status).toBe(409);
    expect(fields(intoElsewhere)).toEqual(['mergeInto']);
    const fromElsewhere = await (
      await kit.handlerOf(elsewhere)
    ).act(elsewhere.id, { action: 'merge-into', note: '补充新的事实', mergeInto: first.trackingNo });
    expect(fromElsewhere.status).toBe(409);
    expect(fields(fromElsewhere)).toEqual(['mergeInto']);

    // Not a tracking number at all; no target given.
    expect(fields(await officer.act(second.id, { action: 'merge-into', note: '补充新的事实', mergeInto: '12345' }))).toEqual(['mergeInto']);
    expect(fields(await officer.act(second.id, { action: 'merge-into', note: '补充新的事实' }))).toEqual(['mergeInto']);

    const before = await load('MR-371502');
    const done = await on('2026-11-06', () =>
      officer.do(second.id, { action: 'merge-into', note: '同一举报人补充新的事实，合并处理', mergeInto: first.trackingNo }),
    );
    expect(done).toMatchObject({ action: 'merge-into', from: 'assigned', status: 'duplicate' });
    expect(await load('MR-371502')).toBe(before - 1);

    const merged = await officer.detail(second.id);
    expect(merged.status).toBe('duplicate');
    expect(merged.allowedActions).toEqual(['note']);
    expect(merged.linked).toEqual([expect.objectContaining({ trackingNo: first.trackingNo, relation: 'duplicate-of' })]);
    expect(merged.history.at(-1)).toMatchObject({
      action: 'merge-into',
      to: 'duplicate',
      actor: { type: 'staff' },
      data: { mergedInto: first.trackingNo, decisionDue: '2026-11-26' },
    });
    const [row] = await kit.q<{ dup: string }>(`select duplicate_of_id::text as dup from cases where id = $1`, [second.id]);
    expect(row.dup).toBe(first.id);

    // 15 working days from Thu 5 Nov: 6, 9–13, 16–20, 23–26 Nov → Thu 26 Nov; unpaused, extension available again.
    const d = await officer.detail(first.id);
    expect(d.status).toBe('deciding');
    expect(clock(d, 'decision')).toMatchObject({ countsFrom: '2026-11-05', days: 15, dueOn: '2026-11-26', running: true });
    expect(d.dueOn).toBe('2026-11-26');
    expect(d.allowedActions).toEqual(['pause-clock', 'open-enforcement', 'decline-enforcement', 'extend-decision', 'merge-into', 'note']);
    expect(d.linked).toEqual([expect.objectContaining({ trackingNo: second.trackingNo, relation: 'duplicate' })]);
    expect(d.history.at(-1)).toMatchObject({ action: 'merged-in', data: { merged: second.trackingNo, decisionDue: '2026-11-26' } });

    // The reporter reads it on the merged report.
    const view = await kit.http
      .get(`/api/v1/complaints/${second.trackingNo}`)
      .set('X-Access-Code', second.accessCode)
      .set('Accept-Language', 'zh-CN');
    expect(view.body.timeline.at(-1).text).toContain(`已与您的举报 ${first.trackingNo} 合并处理，处理期限自本次举报之日起重新计算`);

    // Merged already: nothing more to merge.
    expect((await officer.act(second.id, { action: 'merge-into', note: '再次合并', mergeInto: first.trackingNo })).status).toBe(409);
  });

  it('an Order 20 report cannot merge (Order 20 has no such article)', async () => {
    const body = kit.body({ kind: 'report', incidentDate: '2026-03-20' });
    const first = await at('2026-04-01T10:00:00+08:00', () => kit.assigned(body));
    const second = await at('2026-04-02T10:00:00+08:00', () =>
      kit.assigned({ ...body, respondent: { ...body.respondent, name: '另一家店' } }),
    );
    const [{ rule_set }] = await kit.q<{ rule_set: string }>(`select rule_set from cases where id = $1`, [second.id]);
    expect(rule_set).toBe('order20');
    const officer = await kit.handlerOf(second);
    expect((await officer.detail(second.id)).allowedActions).not.toContain('merge-into');
    const res = await officer.act(second.id, { action: 'merge-into', note: '补充新的事实', mergeInto: first.trackingNo });
    expect(res.status).toBe(409);
    expect(res.body.allowed).not.toContain('merge-into');
  });

  it('two reports merged into each other at the same moment: one merge at most, and never a 5xx', async () => {
    const body = kit.body({ kind: 'report', incidentDate: '2026-10-20', description: '该店销售的奶粉已过保质期。' });
    const first = await on('2026-11-09', () => kit.assigned(body));
    const second = await on('2026-11-10', () =>
      kit.assigned({ ...body, description: '该店销售的奶粉已过保质期，另有临期商品更改日期标签。' }),
    );
    const officer = await kit.handlerOf(first);
    // Each locks its own report, then the other: PostgreSQL may abort one as a deadlock.
    for (let round = 0; round < 3; round++) {
      const [a, b] = await on('2026-11-11', () =>
        Promise.all([
          officer.act(second.id, { action: 'merge-into', note: '补充新的事实', mergeInto: first.trackingNo }),
          officer.act(first.id, { action: 'merge-into', note: '补充新的事实', mergeInto: second.trackingNo }),
        ]),
      );
      for (const res of [a, b]) expect(res.status).toBeLessThan(500);
      // Merging the earlier report into the later one is refused (it would shorten the period).
      expect([400, 409]).toContain(b.status);
      if (a.status === 200) break;
    }
    const rows = await kit.q<{ id: string; status: string }>(`select id::text, status from cases where id in ($1, $2) order by id`, [
      first.id,
      second.id,
    ]);
    expect(rows.filter((r) => r.status === 'duplicate').length).toBeLessThanOrEqual(1);
    expect(rows.find((r) => r.id === first.id)?.status).not.toBe('duplicate');
  });
});
