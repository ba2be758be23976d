/**
 * The SMS templates registered with the provider. Chinese SMS providers (Tencent Cloud, Alibaba Cloud)
 * send only pre-approved templates: fixed text with numbered variables, each variable 1–35 characters
 * for notification templates, and the signature (签名) added by the provider. So an SMS is not the
 * free text of notification.templates.ts but one of these templates with its variables; what was
 * really sent (the template filled in) is what the consumer's timeline records.
 *
 * Pure: no Nest, no I/O. `npm run cli -- sms:templates` prints the texts to register.
 */
import type { CaseTrack, NotificationKind, NotificationParams } from '../notification.templates';
import { chineseDate, cleanParam, SIGNATURE } from '../notification.templates';

/** The longest variable the providers accept in a notification template. */
export const SMS_VARIABLE_MAX = 35;

/** Shown where the access code goes in anything stored or logged: the code itself is only in the SMS. */
export const SECRET_MASK = '********';

/** Everything a template's variables are made from, read from the notification and its case when it is sent. */
export interface SmsContext {
  track: CaseTrack;
  trackingNo: string;
  params: NotificationParams;
  /** The access code (received, access-code), or SECRET_MASK for what is stored and logged. */
  secret?: string;
}

interface SmsTemplate {
  /** The template text as registered, with {1}, {2}… for the variables. */
  text: string;
  variables: (c: SmsContext) => string[];
}

/** A variable: never empty (the providers refuse an empty one), never longer than 35 characters. */
function v(value: string | undefined, fallback: string): string {
  const text = cleanParam(value, SMS_VARIABLE_MAX);
  return text || fallback;
}

const matter = (c: SmsContext) => `${c.track === 'report' ? '举报' : '投诉'}（查询编号${c.trackingNo}）`;
const reason = (c: SmsContext) => v(c.params.reason, '请在线查看');
const basis = (c: SmsContext) => v(c.params.basis, '请在线查看');
const amount = (c: SmsContext) => (c.params.amountYuan ? v(`${c.params.amountYuan}元`, '不涉及金额') : '不涉及金额');

export const SMS_TEMPLATES: Record<NotificationKind, SmsTemplate> = {
  received: {
    text: '您的{1}已收到，查询编号{2}，查询码{3}，请妥善保管。凭查询编号和查询码可在线查询办理进度。',
    variables: (c) => {
      const linked = c.params.linkedTrackingNo;
      return linked
        ? ['投诉和举报', v(`${c.trackingNo}（投诉）、${linked}（举报）`, c.trackingNo), v(c.secret, SECRET_MASK)]
        : [c.track === 'report' ? '举报' : '投诉', c.trackingNo, v(c.secret, SECRET_MASK)];
    },
  },
  'settlement-assigned': {
    text: '您的{1}已交由{2}协商和解，{3}。如不愿协商，可随时凭查询编号和查询码在线转为向市场监管部门正式投诉。',
    variables: (c) => [
      matter(c),
      c.params.business ? v(`被投诉经营者${cleanParam(c.params.unitName, 25)}`, '被投诉经营者') : v(c.params.unitName, '消费维权服务站'),
      c.params.dueDate ? `${c.params.business ? '答复' : '协商'}期限至${chineseDate(c.params.dueDate)}` : '请留意来电',
    ],
  },
  offer: {
    text: '就您的{1}，{2}提出和解方案：{3}。请凭查询编号和查询码在线查看并选择是否接受；不接受的，转为向市场监管部门正式投诉。',
    variables: (c) => [
      matter(c),
      c.params.business
        ? v(`经营者${cleanParam(c.params.unitName, 30)}`, '经营者')
        : v(`经${cleanParam(c.params.unitName, 25) || '服务站'}协助，经营者`, '经营者'),
      v(`${cleanParam(c.params.remedy, 20)}${c.params.amountYuan ? ` ${c.params.amountYuan}元` : ''}`, '请在线查看'),
    ],
  },
  settled: {
    text: '您已接受和解方案，您的{1}已和解办结，挽回经济损失：{2}。欢迎凭查询编号和查询码在线评价。',
    variables: (c) => [matter(c), amount(c)],
  },
  escalated: {
    text: '您的{1}已转为正式投诉，由{2}处理，{3}。可凭查询编号和查询码在线查询办理进度。',
    variables: (c) => [
      matter(c),
      v(c.params.unitName, '有管辖权的市场监管部门'),
      c.params.dueDate ? `将于${chineseDate(c.params.dueDate)}前告知您是否受理` : '将依法告知您是否受理',
    ],
  },
  accepted: {
    text: '您的{1}已受理，承办单位：{2}，{3}。可凭查询编号和查询码在线查询办理进度。',
    variables: (c) => [
      matter(c),
      v(c.params.unitName, '市场监管部门'),
      c.params.dueDate ? `办理期限至${chineseDate(c.params.dueDate)}` : '办理期限请在线查看',
    ],
  },
  refused: {
    text:
      '您的{1}不予受理，原因：{2}（依据：{3}）。您还可以通过与经营者协商和解、调解组织调解、向有关行政部门投诉、仲裁、' +
      '向人民法院起诉等途径解决争议（《消费者权益保护法》第三十九条），详情请凭查询编号和查询码在线查看。',
    variables: (c) => [matter(c), reason(c), basis(c)],
  },
  'mediation-resolved': {
    text: '您的{1}已调解成功，挽回经济损失：{2}。',
    variables: (c) => [matter(c), amount(c)],
  },
  'mediation-terminated': {
    text: '您的{1}已终止调解，原因：{2}（依据：{3}）。您可依法申请仲裁或向人民法院提起诉讼。',
    variables: (c) => [matter(c), reason(c), basis(c)],
  },
  closed: {
    text: '您的{1}已办结。{2}',
    variables: (c) => [matter(c), c.track === 'report' ? '感谢您的监督。' : '欢迎凭查询编号和查询码在线评价办理结果。'],
  },
  'follow-up': {
    text: '您的{1}已办结，{2}将于{3}前对办理情况进行回访，请留意来电。',
    variables: (c) => [matter(c), v(c.params.unitName, '承办单位'), c.params.dueDate ? chineseDate(c.params.dueDate) : '近期'],
  },
  'report-decision': {
    text: '您的{1}经核查，{2}。感谢您的监督。',
    variables: (c) => [
      matter(c),
      c.params.decision === 'opened'
        ? '已决定立案调查'
        : v(`决定不予立案，原因：${cleanParam(c.params.reason, 20) || '请在线查看'}`, '决定不予立案'),
    ],
  },
  transferred: {
    text: '您的{1}已移送{2}处理，原因：{3}。',
    variables: (c) => [matter(c), v(c.params.unitName, '有管辖权的部门'), reason(c)],
  },
  'access-code': {
    text: '您的{1}已按申请重新发放查询码：{2}，原查询码作废，请妥善保管。如非本人申请，请拨打12315反映。',
    // A "both" filing: both numbers, each with what it is (the code is theirs together).
    variables: (c) => {
      const linked = c.params.linkedTrackingNo;
      const [mine, other] = c.track === 'report' ? ['举报', '投诉'] : ['投诉', '举报'];
      const named = `${c.trackingNo}（${mine}）、${linked}（${other}）`;
      // Never a number cut short: without the words when both do not fit.
      const both = [...named].length <= SMS_VARIABLE_MAX ? named : `${c.trackingNo}、${linked}`;
      return [linked ? both : matter(c), v(c.secret, SECRET_MASK)];
    },
  },
  // Order 121 Art. 12. One SMS per consumer: {1} names all of their complaints in the group when they fit.
  'joint-case': {
    text: '经您同意，您的{1}与针对同一经营者的其他投诉按共同投诉处理，共同投诉编号{2}，{3}。各件投诉仍可凭原查询编号和查询码查询办理进度。',
    variables: (c) => {
      const all = c.params.otherTrackingNos ? `投诉（查询编号${c.trackingNo}、${c.params.otherTrackingNos}）` : '';
      const others = c.params.otherTrackingNos ? c.params.otherTrackingNos.split('、').length : 0;
      return [
        all && [...all].length <= SMS_VARIABLE_MAX ? all : others ? v(`${matter(c)}等${others + 1}件`, matter(c)) : matter(c),
        v(c.params.jointNo, '请在线查看'),
        c.params.jointCount ? `共${c.params.jointCount}件投诉` : '详情请在线查看',
      ];
    },
  },
};

/** The template's variables for one message. */
export function smsVariables(kind: NotificationKind, c: SmsContext): string[] {
  return SMS_TEMPLATES[kind].variables(c);
}

/** The template filled in, with the signature: the text the consumer's phone shows. */
export function renderSms(kind: NotificationKind, variables: readonly string[], signName = SIGNATURE.slice(1, -1)): string {
  return `【${signName}】` + SMS_TEMPLATES[kind].text.replace(/\{(\d+)\}/g, (_, i: string) => variables[Number(i) - 1] ?? '');
}
