import { handlingUnit } from './handling-unit';

const station = { type: 'station' as const, code: 'ST-371502-001', name: '金鼎购物中心消费维权服务站' };

describe('the handling unit the consumer sees', () => {
  it.each([
    ['phone and address', '0635-8301230', '东昌路229号', null],
    ['no phone', null, '东昌路229号', '单位名录中没有该单位的电话；需要帮助可拨打 12315。'],
    ['a blank phone', '  ', '东昌路229号', '单位名录中没有该单位的电话；需要帮助可拨打 12315。'],
    ['no address', '0635-8301230', null, '单位名录中没有该单位的地址。'],
    ['neither', null, null, '单位名录中没有该单位的电话和地址；需要帮助可拨打 12315。'],
  ])('%s: what the directory holds, and a note for what it lacks', (_what, phone, address, note) => {
    const u = handlingUnit({ ...station, phone, address })!;
    expect(u.phone).toBe(phone?.trim() || null);
    expect(u.address).toBe(address);
    expect(u.note?.zh ?? null).toBe(note);
    if (note) expect(u.note!.en).toMatch(/^The unit directory has no /);
  });

  it('shows no contact of an enrolled business, and says why', () => {
    const u = handlingUnit({ type: 'business', code: '91371502MA3C5LJ0X1', name: '某公司', phone: '13906358888', address: '某地' })!;
    expect(u).toMatchObject({ phone: null, address: null, note: { zh: expect.stringContaining('不显示经营者的电话和地址') } });
  });

  it('is null while nobody handles the case', () => {
    expect(handlingUnit({ type: null, code: null, name: null, phone: null, address: null })).toBeNull();
  });
});
