import type { CaseStatus, EscalationCause, Remedy } from '@weiquan/cases';
import { ESCALATION_TEXT, REMEDY_TEXT, STATUS_TEXT } from '@weiquan/cases';
import { fenToYuan } from '@weiquan/core';
import type { Lang } from '@weiquan/core';
import { OTHER_WAYS } from '@weiquan/notifications';

const OTHER_WAYS_EN =
  'You may also settle the dispute by negotiating with the business, mediation by the consumer association or another lawful ' +
  'mediation body, a complaint to another department, arbitration under an agreement with the business, or a lawsuit ' +
  '(Consumer Rights Protection Law Art. 39).';

export interface PublicEvent {
  at: Date;
  type: string;
  toStatus: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** A text value of an event's data ('' when absent): ids and names are stored as JSON strings. */
export function dataText(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** What the consumer reads for each public history event, in their language. */
export function eventText(
  e: PublicEvent,
  lang: Lang,
  refs: { track: 'complaint' | 'report'; trackingNoOf: (id: string) => string | undefined },
): string {
  const zh = lang === 'zh';
  const report = refs.track === 'report';
  switch (e.type) {
    case 'received':
      return zh ? '已收到您的提交，等待分派给承办单位' : 'Received; waiting to be assigned to a handling unit';
    case 'duplicate': {
      const first = refs.trackingNoOf(dataText(e.data.duplicateOf)) ?? '';
      // docs/RULES.md, "Repeat and abusive filing": the rule is recorded with the event (events before it: the old 30-day window).
      if (e.data.rule === 'art35')
        return zh
          ? `您已就同一涉嫌违法事实举报过同一经营者（查询编号 ${first}），该举报已在办理，本次不再另行处理（《市场监督管理投诉举报处理办法》第三十五条）；可凭原查询编号查询`
          : `You already reported the same facts about the same business (${first}); that report is being handled, so this one is not handled again (Order 121 Art. 35). Follow it with that number`;
      if (e.data.rule === 'while-open')
        return zh
          ? `与您仍在办理中的${report ? '举报' : '投诉'} ${first} 为同一事项，已并入该件一并办理`
          : `Same matter as your ${report ? 'report' : 'complaint'} ${first}, which is still being handled; handled together with it`;
      return zh
        ? `与 30 日内的投诉 ${first} 为同一事项，已并入该投诉办理`
        : `Same matter as ${first} within 30 days; handled together with it`;
    }
    case 'withdrawn':
      return zh ? `您已撤回${e.note ? `：${e.note}` : ''}` : `You withdrew it${e.note ? `: ${e.note}` : ''}`;
    case 'supplement':
      return zh ? `您补充了材料：${e.note ?? ''}` : `You added information: ${e.note ?? ''}`;
    case 'attachment':
      if (e.data.by === 'business')
        return zh ? `经营者上传了附件 ${dataText(e.data.name)}` : `The business attached ${dataText(e.data.name)}`;
      return zh ? `您上传了附件 ${dataText(e.data.name)}` : `You attached ${dataText(e.data.name)}`;
    case 'rated':
      return zh ? '您已评价办理结果' : 'You rated the outcome';
    case 'access-code-reissued':
      return zh
        ? '已按登记的手机号重新发放查询码，原查询码作废'
        : 'A new access code was issued to the phone on file; the old one no longer works';
    case 'notified': {
      // The note is the message itself (Chinese), as it was sent, or as it would have been.
      const email = e.data.channel === 'email';
      if (e.data.delivered === false)
        return zh
          ? `短信通知未发送（系统尚未接入短信服务），内容：${e.note ?? ''}`
          : `SMS not sent (no SMS provider is configured yet); it read: ${e.note ?? ''}`;
      return zh ? `已向您发送${email ? '邮件' : '短信'}通知：${e.note ?? ''}` : `${email ? 'Email' : 'SMS'} sent to you: ${e.note ?? ''}`;
    }
    case 'escalated':
    case 'assigned':
    case 'transferred': {
      if (e.type === 'escalated' && typeof e.data.cause === 'string') return escalationText(e, zh);
      // (An 'escalated' event without a cause is from before the settlement stage: a late station's case moved to the area bureau.)
      const unit = (e.data.assignee as { name?: string } | undefined)?.name ?? '';
      if (e.type === 'transferred') return zh ? `已移送 ${unit} 处理：${e.note ?? ''}` : `Transferred to ${unit}: ${e.note ?? ''}`;
      if (e.toStatus === 'settling' && (e.data.assignee as { type?: string } | undefined)?.type === 'business')
        return zh
          ? `先行和解：被投诉经营者 ${unit} 为在线消费纠纷解决企业，由经营者直接答复您；您可随时转为向市场监管部门正式投诉`
          : `Settlement first: ${unit} is enrolled for online dispute resolution and answers you itself; you may complain to the regulator formally at any time`;
      if (e.toStatus === 'settling')
        return zh
          ? `先行和解：已交由 ${unit} 协助您与经营者协商；您可随时转为向市场监管部门正式投诉`
          : `Settlement first: ${unit} will help you and the business agree; you may complain to the regulator formally at any time`;
      if (e.data.formal)
        return zh
          ? `目前没有可以协助协商和解的服务站，已作为正式投诉分派给 ${unit} 办理`
          : `No station can help settle it, so it was filed as a formal complaint with ${unit}`;
      return zh ? `已分派给 ${unit} 办理` : `Assigned to ${unit}`;
    }
    case 'referred-to-business': {
      const unit = (e.data.assignee as { name?: string } | undefined)?.name ?? '';
      return zh
        ? `服务站确认被投诉经营者为在线消费纠纷解决企业 ${unit}，已转交经营者直接答复您`
        : `The station confirmed the business is ${unit}, enrolled for online dispute resolution; it answers you itself`;
    }
    case 'stepped-in': {
      const unit = (e.data.assignee as { name?: string } | undefined)?.name ?? '';
      return zh ? `${unit} 已介入，协助您与经营者协商` : `${unit} stepped in to help you and the business agree`;
    }
    case 'take-up':
      if (e.data.by === 'business') return zh ? '经营者已接收您的投诉' : 'The business received your complaint';
      return zh ? '服务站已接手，正在联系经营者协商' : 'The station took it up and is contacting the business';
    case 'record-offer': {
      const o = e.data.offer as { remedy?: Remedy; amountFen?: number | null; message?: string } | undefined;
      const what = o?.remedy ? REMEDY_TEXT[o.remedy][lang] : '';
      const yuan = o?.amountFen != null ? fenToYuan(o.amountFen) : null;
      return zh
        ? `经营者提出和解方案：${what}${yuan !== null ? ` ${yuan} 元` : ''}${o?.message ? `。经营者答复：${o.message}` : ''}。请选择接受或转为正式投诉`
        : `The business offers: ${what}${yuan !== null ? ` ¥${yuan}` : ''}${o?.message ? `. Its message: ${o.message}` : ''}. Accept it or complain formally`;
    }
    case 'accept-offer': {
      const o = (e.data.outcome as { amountRecoveredFen?: number } | undefined) ?? {};
      const yuan = o.amountRecoveredFen ? fenToYuan(o.amountRecoveredFen) : null;
      return zh
        ? `您接受了和解方案，纠纷已和解办结（源头化解）${yuan !== null ? `，挽回经济损失 ${yuan} 元` : ''}`
        : `You accepted the offer: settled at the source and closed${yuan !== null ? `; ¥${yuan} recovered` : ''}`;
    }
    case 'handed-back':
      return zh ? '承办单位无管辖权，已退回重新分派' : 'The unit lacked authority and handed it back; it is being assigned again';
    case 'accept':
      // A report is checked, never mediated (the reporter is owed whether a case is opened, not its outcome).
      if (report) return zh ? '已受理，正在核查举报线索' : 'Accepted; the lead is being checked';
      return zh ? '已受理，经双方同意可以组织调解' : 'Accepted; mediation can follow with both parties’ consent';
    case 'refuse':
    case 'terminate':
    case 'decline-enforcement': {
      const reason = (e.data.reason as { text?: { zh: string; en: string }; basis?: string } | undefined) ?? {};
      const head = {
        refuse: ['不予受理', 'Not accepted'],
        terminate: ['终止调解', 'Mediation terminated'],
        'decline-enforcement': ['不予立案', 'No enforcement case opened'],
      }[e.type];
      const alternatives = e.type === 'refuse' ? (zh ? `。${OTHER_WAYS}` : `. ${OTHER_WAYS_EN}`) : '';
      // A withdrawal during mediation terminates it (ground 1): the consumer's own act, with their reason.
      const yours = e.data.withdrawnByConsumer
        ? zh
          ? `您已撤回投诉${e.note ? `：${e.note}` : ''}。`
          : `You withdrew the complaint${e.note ? `: ${e.note}` : ''}. `
        : '';
      return zh
        ? `${yours}${head[0]}：${reason.text?.zh ?? ''}${reason.basis ? `（依据：${reason.basis}）` : ''}${alternatives}`
        : `${yours}${head[1]}: ${reason.text?.en ?? ''}${reason.basis ? ` (${reason.basis})` : ''}${alternatives}`;
    }
    case 'start-mediation':
      return zh ? '开始调解' : 'Mediation started';
    case 'pause-clock':
      if (report)
        return zh ? '核查期限暂停计时（检验、检测、鉴定期间不计入）' : 'Decision period paused (testing or appraisal time does not count)';
      return zh ? '调解期限暂停计时（检测、鉴定期间不计入）' : 'Mediation clock paused (testing or appraisal time does not count)';
    case 'resume-clock':
      return report ? (zh ? '核查期限恢复计算' : 'Decision period resumed') : zh ? '调解期限恢复计算' : 'Mediation clock resumed';
    case 'resolve': {
      const o = (e.data.outcome as { amountRecoveredFen?: number; agreement?: boolean } | undefined) ?? {};
      const yuan = o.amountRecoveredFen !== undefined ? fenToYuan(o.amountRecoveredFen) : null;
      return zh
        ? `调解成功${yuan !== null ? `，为您挽回经济损失 ${yuan} 元` : ''}${o.agreement ? '，已达成书面调解协议' : ''}`
        : `Resolved by mediation${yuan !== null ? `; ¥${yuan} recovered for you` : ''}${o.agreement ? '; written agreement made' : ''}`;
    }
    case 'open-enforcement':
      return zh ? '已立案调查' : 'An enforcement case was opened';
    // Order 121 Art. 35: a report adding new facts, merged with the same reporter's earlier report.
    case 'merge-into':
      return zh
        ? `已与您的举报 ${dataText(e.data.mergedInto)} 合并处理，处理期限自本次举报之日起重新计算（《市场监督管理投诉举报处理办法》第三十五条）；可凭该查询编号查询`
        : `Merged with your report ${dataText(e.data.mergedInto)}; the period to decide counts again from the day of this report (Order 121 Art. 35). Follow it with that number`;
    case 'merged-in':
      return zh
        ? `您的举报 ${dataText(e.data.merged)} 已并入本件合并处理，处理期限自该举报之日起重新计算`
        : `Your report ${dataText(e.data.merged)} was merged into this one; the period to decide counts again from the day of that report`;
    // Order 121 Art. 12: handled together with other consumers' complaints against the same business, with their consent.
    case 'joined-joint-case': {
      const others = typeof e.data.others === 'number' ? e.data.others : 0;
      const no = dataText(e.data.jointNo);
      const rep = e.data.representative === true;
      return zh
        ? `经您同意，您的投诉与另外 ${others} 件针对同一经营者的投诉按共同投诉处理（共同投诉编号 ${no}）${rep ? '；您被推选为代表人' : ''}`
        : `With your consent, your complaint is handled jointly with ${others} other complaint(s) against the same business (joint complaint ${no})${rep ? '; you were elected a representative' : ''}`;
    }
    case 'extend-decision':
      return zh ? '立案决定期限经批准延长' : 'The decision period was extended';
    case 'close':
      return zh ? '已办结' : 'Closed';
    case 'record-follow-up':
      return zh ? '已完成回访' : 'Follow-up visit recorded';
    default: {
      const status = e.toStatus && e.toStatus in STATUS_TEXT ? STATUS_TEXT[e.toStatus as CaseStatus][lang] : e.type;
      return zh ? `状态更新：${status}` : `Status: ${status}`;
    }
  }
}

/** Leaving the settlement stage: why, and when the department decides on acceptance. */
function escalationText(e: PublicEvent, zh: boolean): string {
  const why = ESCALATION_TEXT[e.data.cause as EscalationCause] ?? { zh: '', en: '' };
  const due = dataText(e.data.acceptanceDue);
  const note = e.note ? (zh ? `（说明：${e.note}）` : ` (note: ${e.note})`) : '';
  return zh
    ? `${why.zh}${note}，已转为正式投诉，交由有管辖权的市场监管部门处理；监管部门自今日收到投诉${due ? `，于 ${due} 前告知是否受理` : ''}`
    : `${why.en}${note}; it is now a formal complaint to the department with jurisdiction, received today${due ? `, which decides on acceptance by ${due}` : ''}`;
}
