import { STATUS_TEXT, CaseStatus } from '@weiquan/cases';
import type { Lang } from '@weiquan/core';

export interface PublicEvent {
  at: Date;
  type: string;
  toStatus: string | null;
  note: string | null;
  data: Record<string, unknown>;
}

/** What the consumer reads for each public history event, in their language. */
export function eventText(e: PublicEvent, lang: Lang, refs: { trackingNoOf: (id: string) => string | undefined }): string {
  const zh = lang === 'zh';
  switch (e.type) {
    case 'received':
      return zh ? '已收到您的提交，等待分派给承办单位' : 'Received; waiting to be assigned to a handling unit';
    case 'duplicate': {
      const first = refs.trackingNoOf(String(e.data.duplicateOf ?? '')) ?? '';
      return zh ? `与 30 日内的投诉 ${first} 为同一事项，已并入该投诉办理` : `Same matter as ${first} within 30 days; handled together with it`;
    }
    case 'withdrawn':
      return zh ? `您已撤回${e.note ? `：${e.note}` : ''}` : `You withdrew it${e.note ? `: ${e.note}` : ''}`;
    case 'supplement':
      return zh ? `您补充了材料：${e.note ?? ''}` : `You added information: ${e.note ?? ''}`;
    case 'attachment':
      return zh ? `您上传了附件 ${String(e.data.name ?? '')}` : `You attached ${String(e.data.name ?? '')}`;
    case 'rated':
      return zh ? '您已评价办理结果' : 'You rated the outcome';
    default: {
      const status = e.toStatus && e.toStatus in STATUS_TEXT ? STATUS_TEXT[e.toStatus as CaseStatus][lang] : e.type;
      return zh ? `状态更新：${status}` : `Status: ${status}`;
    }
  }
}
