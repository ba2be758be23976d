import { CaseTextsRepository } from '@weiquan/cases/lifecycle/case-texts.repository';
import { PersonalDataCipher } from '@weiquan/core';
import { CaseKit } from './support/case-kit';

/**
 * A complaint's description and demand are encrypted at rest like the phone number: nothing of them
 * is in the row in clear, yet the handling unit reads them; rows from before are sealed by
 * `cli data:seal-texts` (run by `setup`) and read the same before and after.
 */
describe('the consumer’s words, encrypted at rest', () => {
  let kit: CaseKit;
  const DESCRIPTION = '我叫李四，住东昌府区柳园街道某小区 3 号楼，银行卡 6222 0000 1111 2222 被多扣了 1500 元，店家拒绝退款。';
  const DEMAND = '退还多扣的 1500 元到尾号 2222 的银行卡';

  beforeAll(async () => {
    kit = await CaseKit.start();
  });

  afterAll(async () => {
    await kit?.close();
  });

  const row = async (id: string) =>
    (
      await kit.q<{ description: string | null; demand: string | null; sealed: boolean; everything: string }>(
        `select description, demand, description_enc is not null and demand_enc is not null as sealed, to_jsonb(c.*)::text as everything
           from cases c where id = $1`,
        [id],
      )
    )[0];

  it('a filing is stored sealed: the row holds neither text, and the handling unit reads both', async () => {
    const c = await kit.assigned({ description: DESCRIPTION, demand: DEMAND });
    const stored = await row(c.id);
    expect(stored).toMatchObject({ description: null, demand: null, sealed: true });
    expect(stored.everything).not.toContain('6222 0000');
    expect(stored.everything).not.toContain('尾号 2222');
    const handler = await kit.handlerOf(c);
    const file = await handler.detail(c.id);
    expect(file).toMatchObject({ description: DESCRIPTION, demand: DEMAND });
  });

  it('a row stored in clear before reads the same, is sealed by one pass, and a second pass finds nothing', async () => {
    const c = await kit.assigned();
    // As a case written before the texts were sealed.
    await kit.q(`update cases set description = $2, demand = $3, description_enc = null, demand_enc = null where id = $1`, [
      c.id,
      DESCRIPTION,
      DEMAND,
    ]);
    const handler = await kit.handlerOf(c);
    expect(await handler.detail(c.id)).toMatchObject({ description: DESCRIPTION, demand: DEMAND });

    // What `cli data:seal-texts` runs (the CLI's module; the API does not carry it).
    const sealer = new CaseTextsRepository(kit.api.t.dataSource, kit.api.app.get(PersonalDataCipher));
    expect(await sealer.sealLegacy()).toBeGreaterThanOrEqual(1);
    const stored = await row(c.id);
    expect(stored).toMatchObject({ description: null, demand: null, sealed: true });
    expect(stored.everything).not.toContain('6222 0000');
    expect(await handler.detail(c.id)).toMatchObject({ description: DESCRIPTION, demand: DEMAND });
    expect(await sealer.sealLegacy()).toBe(0);
  });

  it('a violation lead found in mediation opens a report with the complaint’s words and the lead, sealed too', async () => {
    const c = await kit.assigned({ description: DESCRIPTION, demand: DEMAND });
    const handler = await kit.handlerOf(c);
    await handler.do(c.id, { action: 'accept' });
    await handler.do(c.id, { action: 'start-mediation' });
    await handler.do(c.id, { action: 'report-violation', note: '店内价签与结算价不一致' });
    const [report] = await kit.q<{ id: string }>(`select id::text as id from cases where linked_case_id = $1 and track = 'report'`, [c.id]);
    const stored = await row(report.id);
    expect(stored).toMatchObject({ description: null, demand: null, sealed: true });
    expect(stored.everything).not.toContain('价签');
    const [{ code }] = await kit.q<{ code: string }>(`select assignee_code as code from cases where id = $1`, [report.id]);
    const officer = code ? await kit.staff('regulator-staff', code) : await kit.staff('admin');
    const file = await officer.detail(report.id);
    expect(file.description).toBe(`${DESCRIPTION}\n\n【调解中发现的违法线索】店内价签与结算价不一致`);
    expect(file.demand).toBe(DEMAND);
  });
});
