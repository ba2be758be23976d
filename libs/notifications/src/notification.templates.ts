/**
 * The texts consumers receive, in Chinese, composed when the notification is written (so a template
 * changed later never rewrites what was already said). Pure: no Nest, no I/O.
 *
 * A text carries no personal data beyond the tracking number: no name, no phone, no address.
 */

export const NOTIFICATION_KINDS = [
  'received',
  'settlement-assigned',
  'offer',
  'settled',
  'escalated',
  'accepted',
  'refused',
  'mediation-resolved',
  'mediation-terminated',
  'closed',
  'follow-up',
  'report-decision',
  'transferred',
  'access-code',
  'joint-case',
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationParams {
  /** Why (refusal, termination, transfer, no 立案): shown after “原因：”. */
  reason?: string;
  /** The article and item the reason rests on (依据), e.g. 总局令第121号第十六条第（五）项. */
  basis?: string;
  /** Amount recovered for the consumer (挽回经济损失), in yuan, e.g. "268.50". */
  amountYuan?: string;
  /** The handling unit (accepted), or where the case went (transferred). */
  unitName?: string;
  /** report-decision: 立案 or not. */
  decision?: 'opened' | 'not-opened';
  /**
   * YYYY-MM-DD: the handling deadline (accepted), the follow-up visit (follow-up), the settlement
   * period's end (settlement-assigned), or the department's acceptance decision (escalated).
   */
  dueDate?: string;
  /** settlement-assigned: the day the station contacts the consumer by (YYYY-MM-DD). */
  takeUpDate?: string;
  /** The station's phone and address, from the directory. */
  phone?: string;
  address?: string;
  /** offer: the remedy offered, in words (退款, 换货…). */
  remedy?: string;
  /** settlement-assigned, offer: the business itself answers (an enrolled ODR business), not a station. */
  business?: boolean;
  /** received, access-code: the other case of a "both" submission (the report of a complaint, or the complaint of a report). */
  linkedTrackingNo?: string;
  /** joint-case: the joint complaint's number (Order 121 Art. 12). */
  jointNo?: string;
  /** joint-case: how many complaints the joint complaint holds, all consumers' together. */
  jointCount?: number;
  /** joint-case: the consumer's other complaints in it (tracking numbers, 、-separated): one notice per consumer. */
  otherTrackingNos?: string;
}

export type CaseTrack = 'complaint' | 'report';

export const SIGNATURE = '【聊城市场监管】';
/** Free text a staff member typed is cut to keep an SMS short (a few segments at most). */
export const MAX_PARAM_CHARS = 80;

/** Control characters and surrounding space removed, long text cut with “…”. */
export function cleanParam(value: string | undefined, max = MAX_PARAM_CHARS): string {
  const text = (value ?? '')
    .replace(/\p{Cc}+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...text];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : text;
}

/** 2026-11-20 → 2026年11月20日 (anything else is shown as given). */
export function chineseDate(date: string | undefined): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date ?? '');
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : cleanParam(date, 20);
}

const because = (reason: string, basis = '') => (reason ? `，原因：${reason}${basis ? `（依据：${basis}）` : ''}` : '');

/**
 * The other ways to settle a consumer dispute (消费者权益保护法 Art. 39), which a refusal notice must
 * name (Order 121 Art. 15).
 */
export const OTHER_WAYS =
  '您还可以通过以下途径解决争议：与经营者协商和解；请求消费者协会或者依法成立的其他调解组织调解；向有关行政部门投诉；' +
  '根据与经营者达成的仲裁协议提请仲裁机构仲裁；向人民法院提起诉讼（《消费者权益保护法》第三十九条）。';

/**
 * The text of one notification. `trackingNo` is the case's tracking number; the writer may pass a
 * placeholder and put the number in with SQL (see NotificationWriter).
 */
export function notificationText(kind: NotificationKind, track: CaseTrack, trackingNo: string, params: NotificationParams = {}): string {
  const matter = `${track === 'report' ? '举报' : '投诉'}（查询编号 ${trackingNo}）`;
  const reason = cleanParam(params.reason, 160);
  const basis = cleanParam(params.basis, 60);
  const unit = cleanParam(params.unitName, 40);
  const due = params.dueDate ? chineseDate(params.dueDate) : '';
  const amount = cleanParam(params.amountYuan, 16);
  const contact = [params.phone && `电话 ${cleanParam(params.phone, 20)}`, params.address && `地址 ${cleanParam(params.address, 60)}`]
    .filter(Boolean)
    .join('，');
  const body = ((): string => {
    switch (kind) {
      case 'received': {
        // The access code is never stored in a text: the SMS carries it (sms-templates.ts), the receipt page shows it.
        const linked = params.linkedTrackingNo ? `及举报（查询编号 ${cleanParam(params.linkedTrackingNo, 20)}）` : '';
        return `您的${matter}${linked}已收到。凭查询编号和查询码可在线查询办理进度，查询码请妥善保管。`;
      }
      case 'settlement-assigned':
        if (params.business)
          return (
            `您的${matter}已转交被投诉经营者${unit}（在线消费纠纷解决企业）直接与您协商` +
            `${due ? `，经营者应于${due}前答复` : ''}。如不愿协商或对答复不满意，您可随时凭查询编号和查询码在线转为向市场监管部门正式投诉。`
          );
        return (
          `您的${matter}已交由${unit || '消费维权服务站'}协助您与经营者协商和解` +
          `${params.takeUpDate ? `，服务站将于${chineseDate(params.takeUpDate)}前与您联系` : ''}${due ? `，协商期限至${due}` : ''}` +
          `${contact ? `（${contact}）` : ''}。如不愿协商，您可随时凭查询编号和查询码在线转为向市场监管部门正式投诉。`
        );
      case 'offer':
        if (params.business)
          return (
            `经营者${unit}就您的${matter}提出和解方案：${cleanParam(params.remedy, 20)}` +
            `${amount ? ` ${amount} 元` : ''}。请凭查询编号和查询码在线查看并选择接受或不接受；不接受的，转为向市场监管部门正式投诉。`
          );
        return (
          `经${unit || '服务站'}协助，经营者就您的${matter}提出和解方案：${cleanParam(params.remedy, 20)}` +
          `${amount ? ` ${amount} 元` : ''}。请凭查询编号和查询码在线查看并选择接受或不接受；不接受的，转为向市场监管部门正式投诉。`
        );
      case 'settled':
        return `您已接受和解方案，您的${matter}已和解办结${amount ? `，为您挽回经济损失 ${amount} 元` : ''}。欢迎凭查询编号和查询码在线评价。`;
      case 'escalated':
        return (
          `${reason ? `${reason}，` : ''}您的${matter}已转为正式投诉，由${unit || '有管辖权的市场监管部门'}处理` +
          `${due ? `，将于${due}前告知您是否受理` : ''}。可凭查询编号和查询码在线查询办理进度。`
        );
      case 'accepted':
        return `您的${matter}已受理${unit ? `，承办单位：${unit}` : ''}${due ? `，办理期限至${due}` : ''}。可凭查询编号和查询码在线查询办理进度。`;
      case 'refused':
        return `您的${matter}不予受理${because(reason, basis)}。${OTHER_WAYS}`;
      case 'mediation-resolved':
        return `您的${matter}已调解成功${amount ? `，为您挽回经济损失 ${amount} 元` : ''}。`;
      case 'mediation-terminated':
        return `您的${matter}已终止调解${because(reason, basis)}。您可依法申请仲裁或向人民法院提起诉讼。`;
      case 'closed':
        return track === 'report' ? `您的${matter}已办结。感谢您的监督。` : `您的${matter}已办结。欢迎凭查询编号和查询码在线评价办理结果。`;
      case 'follow-up':
        return `您的${matter}已办结，${unit || '承办单位'}将${due ? `于${due}前` : ''}对办理情况进行回访，请留意来电。`;
      case 'report-decision':
        return params.decision === 'opened'
          ? `您的举报（查询编号 ${trackingNo}）经核查，已决定立案调查。感谢您的监督。`
          : `您的举报（查询编号 ${trackingNo}）经核查，决定不予立案${because(reason, basis)}。感谢您的监督。`;
      case 'transferred':
        return `您的${matter}已移送${unit || '有管辖权的部门'}处理${because(reason)}。`;
      case 'access-code': {
        // As with the receipt, the new code is never in a stored text: only the SMS carries it. A "both"
        // filing's complaint and report share the code: the other one is named too.
        const other = track === 'report' ? '投诉' : '举报';
        const linked = params.linkedTrackingNo ? `及${other}（查询编号 ${cleanParam(params.linkedTrackingNo, 20)}）` : '';
        return `您的${matter}${linked}已按您的申请重新发放查询码，原查询码作废；新查询码只以短信发送，请妥善保管。如非本人申请，请拨打12315反映。`;
      }
      case 'joint-case': {
        const yours = params.otherTrackingNos ? `及投诉（查询编号 ${cleanParam(params.otherTrackingNos, 60)}）` : '';
        const count = params.jointCount ? `，共 ${params.jointCount} 件` : '';
        return (
          `经您同意，您的${matter}${yours}与针对同一经营者的其他投诉按共同投诉处理` +
          `（共同投诉编号 ${cleanParam(params.jointNo, 20)}${count}）。各件投诉仍可凭原查询编号和查询码查询办理进度。`
        );
      }
    }
  })();
  return SIGNATURE + body;
}

/** The subject line of the email carrying a notification (the body is the text itself). */
export function emailSubject(kind: NotificationKind): string {
  const what: Record<NotificationKind, string> = {
    received: '已收到',
    'settlement-assigned': '服务站协助和解',
    offer: '和解方案',
    settled: '和解办结',
    escalated: '转为正式投诉',
    accepted: '已受理',
    refused: '不予受理',
    'mediation-resolved': '调解成功',
    'mediation-terminated': '终止调解',
    closed: '已办结',
    'follow-up': '回访通知',
    'report-decision': '立案决定',
    transferred: '已移送',
    'access-code': '重新发放查询码',
    'joint-case': '按共同投诉处理',
  };
  return `聊城市消费维权：${what[kind]}`;
}
