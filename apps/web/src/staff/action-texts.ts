import type { CaseAction, CaseDetail } from '../api/types';

/** What each action asks for and says before it is done (libs/cases/src/case-state.ts decides; these are the console's words). */

/** What each action asks for (libs/cases/src/case-state.ts): a reason code, a required note, or the outcome. */
export const REASON_KIND: Partial<Record<CaseAction, 'refusal' | 'termination' | 'noCase'>> = {
  refuse: 'refusal',
  terminate: 'termination',
  'decline-enforcement': 'noCase',
};
export const NOTE_REQUIRED = new Set<CaseAction>([
  'record-offer',
  'settlement-failed',
  'hand-back',
  'pause-clock',
  'extend-decision',
  'merge-into',
  'report-violation',
  'record-follow-up',
  'note',
  'statement',
]);
/** Steps that cannot be undone: asked for once more before they are sent. */
export const IRREVERSIBLE = new Set<CaseAction>([
  'settlement-failed',
  'refuse',
  'hand-back',
  'resolve',
  'terminate',
  'open-enforcement',
  'decline-enforcement',
  'extend-decision',
  'merge-into',
  'report-violation',
  'close',
  'step-in',
]);
/** Steps that end or give up the case: their buttons are red. */
export const DANGER = new Set<CaseAction>(['settlement-failed', 'refuse', 'hand-back', 'terminate', 'decline-enforcement']);

/** What the handler is told an action does, before doing it. */
export function explain(t: (zh: string, en: string) => string, a: CaseAction, detail: CaseDetail): string {
  const report = detail.track === 'report';
  const settlement = detail.stage === 'settlement';
  switch (a) {
    case 'take-up':
      return t(
        '接手后由本站联系消费者和经营者，协助双方协商和解；请在协商期限（本市工作规范，非法定期限）内记录经营者的方案或协商结果。',
        'Your station takes the case up, contacts the consumer and the business and helps them agree; record the business’s offer or the result within the settlement period (city policy, not a statutory deadline).',
      );
    case 'record-offer':
      return t(
        '记录经营者提出的和解方案，系统将通知消费者，由消费者选择接受（和解办结）或不接受（转为正式投诉）。方案可在消费者答复前更新。',
        'Record what the business offers: the consumer is told and either accepts it (settled and closed) or rejects it (a formal complaint). You may revise it until the consumer answers.',
      );
    case 'settlement-failed':
      return t(
        '经营者拒绝协商或双方未能达成一致时使用：本案转为正式投诉，由有管辖权的市场监管部门自今日收到，7 个工作日内决定是否受理；本站不再看到此案件。',
        'When the business refuses or the two sides cannot agree: the case becomes a formal complaint, received today by the department with jurisdiction, which decides on acceptance within 7 working days; your station no longer sees it.',
      );
    case 'accept':
      return report
        ? t(
            '受理后核查举报线索，在立案决定期限内决定是否立案。',
            'Accepting starts the check of the lead; decide on opening a case within the decision period.',
          )
        : t('受理后调解期限开始计算，并通知消费者。', 'Accepting starts the mediation clock and tells the consumer.');
    case 'refuse':
      return t(
        '不予受理将告知消费者理由、依据（条款）及其他解决争议的途径（消保法第三十九条），案件结束。',
        'The consumer is told the reason, its article and the other ways to settle the dispute (Consumer Rights Protection Law Art. 39); the case ends.',
      );
    case 'hand-back':
      return settlement
        ? t(
            '本站无法协助协商（如不属本站服务范围）时退回：由分派规则交给其他服务站，没有可以协助的服务站时转为正式投诉；退回后本站不再看到此案件。',
            'Hand back when your station cannot help (e.g. outside its scope): routing gives it to another station, or makes it a formal complaint when none can help; your station no longer sees it.',
          )
        : t(
            '本单位无管辖权时退回，由分派规则重新分派给其他单位；退回后本单位不再看到此案件。',
            'Hand back when your unit has no authority: routing assigns it again elsewhere, and your unit no longer sees it.',
          );
    case 'start-mediation':
      return t('组织双方进行调解。', 'Mediation between the parties begins.');
    case 'pause-clock':
      return report
        ? t(
            '检验、检测、鉴定期间不计入立案决定期限，请说明原因。',
            'Testing, inspection or appraisal time does not count in the decision period: say why the clock stops.',
          )
        : t('检测、鉴定期间调解期限暂停计时，请说明原因。', 'Testing or appraisal time does not count: say why the clock stops.');
    case 'resume-clock':
      return report
        ? t('恢复计算立案决定期限，剩余的工作日从今天起计算。', 'The decision period runs again: the working days left count from today.')
        : t('恢复计算调解期限，剩余的期间从今天起计算。', 'The mediation clock runs again: what was left counts from today.');
    case 'resolve':
      return t(
        '记录调解结果：为消费者挽回的经济损失及是否达成书面调解协议，并通知消费者。',
        'Record the result: the money recovered for the consumer and whether a written agreement was made; the consumer is told.',
      );
    case 'terminate':
      return t(
        '终止调解将通知消费者理由及依据；请在 7 个工作日内告知被投诉人（终止调解告知期限）。',
        'The consumer is told the reason and its article; tell the respondent within 7 working days (the termination-notice clock).',
      );
    case 'open-enforcement':
      return t('对举报线索立案调查。', 'Open an enforcement case on the report.');
    case 'decline-enforcement':
      return t('不予立案须选择理由及依据。', 'Choose the reason and its basis for not opening a case.');
    case 'extend-decision':
      return t(
        '立案决定期限可延长一次（15 个工作日），请说明原因。',
        'The decision period may be extended once (15 working days): say why.',
      );
    case 'merge-into':
      return t(
        '同一举报人以补充新的事实为由再次举报同一被举报人的，可将本件并入其在先举报合并处理（总局令第121号第三十五条）：本件结束，在先举报的立案决定期限自本件收到之日起重新计算 15 个工作日。在先举报须由本单位办理且尚未作出决定。',
        'When the same reporter reports the same respondent again with new facts, merge this report into the earlier one (Order 121 Art. 35): this one ends, and the earlier one’s decision period counts again, 15 working days from this one’s receipt. The earlier report must be with your unit and undecided.',
      );
    case 'report-violation':
      return t(
        '将调解中发现的违法线索转为关联举报，由分派规则交有关部门处理；调解继续进行。',
        'Turns a violation found during mediation into a linked report that routing assigns; mediation goes on.',
      );
    case 'close':
      return t('办结后通知消费者，消费者可对办理结果进行评价。', 'The consumer is told and may rate the outcome.');
    case 'record-follow-up':
      return t('记录对消费者的回访情况（仅一次）。', 'Record the follow-up with the consumer (once).');
    case 'note':
      return t(
        '添加内部备注，不改变案件状态，消费者不可见。',
        'An internal note: the status does not change and the consumer does not see it.',
      );
    case 'step-in':
      return t(
        '本场所内的经营者正在自行答复本投诉。介入后由本站接手，协助双方协商和解（协商期限为本市工作规范，非法定期限）；经营者不再单独答复。',
        'A tenant of your venue is answering this complaint itself. Stepping in makes your station take it over and help both sides agree (the settlement period is city policy, not law); the business no longer answers on its own.',
      );
    case 'refer-to-business':
      return t(
        '确认被投诉人为已入驻在线纠纷解决的经营者后转交其答复（10 个工作日，本市工作规范，非法定期限）；本站不再看到此案件。',
        'Once you confirm the respondent is the enrolled business, it is passed to it to answer (10 working days, city policy, not law); your station no longer sees it.',
      );
    case 'statement':
      return t('经营者向市场监管部门提交的说明。', "The business's statement to the market regulator.");
  }
}

/** Needs something typed or chosen (a reason, a note, an outcome, an offer, a report to merge into). */
export function needsInput(a: CaseAction): boolean {
  return !!REASON_KIND[a] || NOTE_REQUIRED.has(a) || a === 'resolve' || a === 'record-offer' || a === 'merge-into';
}
