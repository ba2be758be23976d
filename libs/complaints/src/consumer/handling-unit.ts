/**
 * The unit handling a case as the consumer sees it: who, and how to reach it, from the directory only.
 * A phone or address the directory lacks is null and the note says so (never a made-up number).
 * Pure: no Nest, no I/O.
 */
export interface HandlingUnitView {
  type: 'station' | 'regulator' | 'business';
  code: string;
  name: string | null;
  phone: string | null;
  address: string | null;
  note: { zh: string; en: string } | null;
}

const present = (s: string | null | undefined) => (s?.trim() ? s.trim() : null);

export function handlingUnit(u: {
  type: 'station' | 'regulator' | 'business' | null;
  code: string | null;
  name: string | null;
  phone: string | null;
  address: string | null;
}): HandlingUnitView | null {
  if (!u.type || !u.code) return null;
  // An enrolled business answers in its portal; its enrolment contact is not published (libs/business disclosure).
  if (u.type === 'business')
    return {
      type: u.type,
      code: u.code,
      name: u.name,
      phone: null,
      address: null,
      note: {
        zh: '被投诉经营者通过本系统直接答复您，这里不显示经营者的电话和地址。',
        en: 'The business answers you through this system; its phone and address are not shown here.',
      },
    };
  const phone = present(u.phone);
  const address = present(u.address);
  const missing =
    !phone && !address
      ? { zh: '电话和地址', en: 'phone number or address' }
      : !phone
        ? { zh: '电话', en: 'phone number' }
        : !address
          ? { zh: '地址', en: 'address' }
          : null;
  return {
    type: u.type,
    code: u.code,
    name: u.name,
    phone,
    address,
    note: missing && {
      zh: `单位名录中没有该单位的${missing.zh}${phone ? '。' : '；需要帮助可拨打 12315。'}`,
      en: `The unit directory has no ${missing.en} for this unit${phone ? '.' : '; for help, call 12315.'}`,
    },
  };
}
