import { ApiExtraModels, ApiProperty, ApiPropertyOptional, getSchemaPath, OmitType } from '@nestjs/swagger';
import { ErrorDto } from '@weiquan/core/http/dto/error.dto';
import { CASE_ACTIONS } from '../../case-state';
import { CaseEscalationDto, CaseSettlementDto } from './case-settlement.dto';
import { BilingualTextDto } from './bilingual-text.dto';
import { ClaimantFlagsDto } from './claimant.dto';
import { CaseJointDto } from '../../joint/dto/joint-case.dto';

import type { CaseAction, ClockName } from '../../case-state';
import type { CaseStatus } from '../../case-status';
import { CLOCK_TEXT } from '../../deadline';
import { CaseListItemDto, ConsumerSummaryDto, HiddenConsumerDto, status, track, TRACKING_NO, UNIT_TYPES } from './case-queue.dto';

// The list's shapes are in case-queue.dto.ts; the consumer endpoints import some from here.
export { AssigneeDto, CodeNameDto, TRACKS } from './case-queue.dto';

/**
 * What the staff case endpoints answer (libs/cases/src/handling/case-view.ts and
 * case-handling.service.ts build it): the schemas of the OpenAPI document and, through
 * `npm run api:types`, the console's types. As elsewhere in the API, a property's TypeScript type
 * is what the code guarantees (the controllers return these classes, so the compiler checks every
 * property); its schema may be narrower where the database's own checks are (enums of text columns).
 */

const CLOCK_NAMES = Object.keys(CLOCK_TEXT) as ClockName[];
const action = { enum: CASE_ACTIONS, enumName: 'CaseAction' } as const;
/** Steps in the history that are not a handler's action (`case_event.action`). */
const SYSTEM_ACTIONS = ['accept-offer', 'escalate', 'designate'] as const;

export class ReasonOptionDto {
  @ApiProperty({ type: String, example: '3' }) code: string;
  @ApiProperty({ type: BilingualTextDto }) text: BilingualTextDto;
  @ApiProperty({ type: String, example: '《市场监督管理投诉举报处理暂行办法》第十五条' }) basis: string;
}

export class ReasonOptionsDto {
  @ApiProperty({ type: [ReasonOptionDto], description: '不予受理 / refusal' }) refusal: ReasonOptionDto[];
  @ApiProperty({ type: [ReasonOptionDto], description: '终止调解 / termination' }) termination: ReasonOptionDto[];
  @ApiProperty({ type: [ReasonOptionDto], description: '不予立案 / no enforcement case' }) noCase: ReasonOptionDto[];
}

export class ClockBasisDto {
  @ApiProperty({ enum: ['law', 'policy'], description: 'law: 法定期限; policy: 本市工作规范，非法定 / city policy, not law' }) kind:
    'law' | 'policy';
  @ApiProperty({ type: String, example: '总局令第121号第十五条' }) text: string;
}

export class CaseClockDto {
  @ApiProperty({ enum: CLOCK_NAMES, enumName: 'ClockName' }) clock: ClockName;
  @ApiProperty({ type: String, description: "按 Accept-Language / in the caller's language" }) label: string;
  @ApiProperty({ type: String, format: 'date' }) countsFrom: string;
  @ApiProperty({ type: Number, example: 7, description: '期间长度 / the period’s length' }) days: number;
  @ApiProperty({
    enum: ['working', 'calendar'],
    enumName: 'DayCount',
    description: '工作日，或自然日（届满日非工作日的顺延，第121号令第四十五条）/ working days, or calendar days ending on a working day',
  })
  count: 'working' | 'calendar';
  @ApiProperty({ type: Number, nullable: true, example: 7, description: '按工作日计算时的天数 / the length when counted in working days' })
  workingDays: number | null;
  @ApiProperty({
    type: () => ClockBasisDto,
    nullable: true,
    description: '期限的依据：法律条款，或本市工作规范 / the article, or city policy',
  })
  basis: ClockBasisDto | null;
  @ApiProperty({ type: String, format: 'date' }) dueOn: string;
  @ApiProperty({
    type: Boolean,
    description: '期间含尚无官方放假安排的年份，录入后重算 / counts days of a year without an official schedule yet',
  })
  provisional: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) pausedOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) metOn: string | null;
  @ApiProperty({ type: Boolean, description: '案件当前状态所计算的期限 / the clock the case runs against now' }) running: boolean;
  @ApiProperty({
    type: Boolean,
    description:
      '案件已结束（已办结、已撤回等）而此期限未完成：不再计算，也无人需要遵守 / the case finished while this clock was unmet: it no longer runs and nobody owes it',
  })
  ended: boolean;
  @ApiProperty({ type: Boolean }) overdue: boolean;
  @ApiProperty({ type: Boolean, description: '晚于期限完成 / met after its day' }) late: boolean;
}

class RoutingCandidateDto {
  @ApiProperty({ enum: UNIT_TYPES, enumName: 'UnitType' }) type: 'station' | 'regulator' | 'business';
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: Number, nullable: true, description: '在办量 / 容量（服务站）/ open cases / capacity, stations' }) load:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) distanceKm: number | null;
  @ApiProperty({ type: Boolean }) eligible: boolean;
  @ApiProperty({ type: String }) why: string;
}

export class RoutingRoundDto {
  @ApiProperty({ type: Number, example: 1 }) round: number;
  @ApiProperty({ type: String, example: 'venue-station', description: '分派规则代码 / the routing rule' }) rule: string;
  @ApiProperty({ type: String, description: '分派理由（中文）/ why, in Chinese' }) reason: string;
  @ApiProperty({ enum: UNIT_TYPES, enumName: 'UnitType' }) assigneeType: string;
  @ApiProperty({ type: String }) assigneeCode: string;
  @ApiProperty({ type: Boolean, description: '移送出本市 / transferred out of the city' }) transfer: boolean;
  @ApiProperty({ type: [RoutingCandidateDto] }) candidates: unknown;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt: Date;
}

export class EventActorDto {
  @ApiProperty({ enum: ['consumer', 'staff', 'system'] }) type: string;
  @ApiProperty({ type: String, nullable: true, description: '工作人员账号 id / the staff account' }) id: string | null;
  @ApiProperty({ type: String, nullable: true }) unitCode: string | null;
}

export class EventReasonDto {
  @ApiProperty({ enum: ['refusal', 'termination', 'no-case'] }) kind: 'refusal' | 'termination' | 'no-case';
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: BilingualTextDto }) text: BilingualTextDto;
  @ApiProperty({ type: String }) basis: string;
}

export class EventOutcomeDto {
  @ApiPropertyOptional({ type: Number, description: '挽回金额（分）/ amount recovered, fen' }) amountRecoveredFen?: number;
  @ApiPropertyOptional({ type: Boolean }) agreement?: boolean;
  @ApiPropertyOptional({ enum: ['opened', 'not-opened'] }) decision?: 'opened' | 'not-opened';
}

export class EventUnitDto {
  @ApiPropertyOptional({ enum: UNIT_TYPES, enumName: 'UnitType' }) type?: string;
  @ApiPropertyOptional({ type: String }) code?: string;
  @ApiPropertyOptional({ type: String }) name?: string;
}

export class CaseRefDto {
  @ApiProperty({ type: String, example: '1025' }) id: string;
  @ApiProperty({ type: String, example: TRACKING_NO }) trackingNo: string;
}

/** An event's own record; the properties listed are those the console reads, others vary by event type. */
class EventDataDto {
  @ApiPropertyOptional({ type: EventReasonDto }) reason?: EventReasonDto;
  @ApiPropertyOptional({ type: EventOutcomeDto }) outcome?: EventOutcomeDto;
  @ApiPropertyOptional({ type: EventUnitDto, description: '分派、升级、移送的单位 / the unit assigned, escalated or transferred to' })
  assignee?: EventUnitDto;
  @ApiPropertyOptional({ type: CaseRefDto, description: '发现违法线索时转出的举报 / the report opened from this complaint' })
  linkedReport?: CaseRefDto;
}

@ApiExtraModels(EventDataDto)
export class HistoryEventDto {
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({
    type: String,
    example: 'accept',
    description: '事件类型：received、assigned、handed-back、某个办理操作… / the event type',
  })
  type: string;
  @ApiProperty({ type: EventActorDto }) actor: EventActorDto;
  @ApiProperty({ ...status, nullable: true }) from: string | null;
  @ApiProperty({ ...status, nullable: true }) to: string | null;
  @ApiProperty({
    enum: [...CASE_ACTIONS, ...SYSTEM_ACTIONS],
    nullable: true,
    description:
      '办理操作，或消费者、系统的步骤：accept-offer 接受和解方案、escalate 转为正式投诉、designate 市局指定 / a handler’s action, or the consumer’s or the system’s step',
  })
  action: string | null;
  @ApiProperty({ type: String, nullable: true }) reasonCode: string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: Boolean, description: "消费者在进度中可见 / shown in the consumer's timeline" }) public: boolean;
  @ApiProperty({
    allOf: [{ $ref: getSchemaPath(EventDataDto) }],
    additionalProperties: true,
    description: '随事件类型而定，列出的是常用的几项 / varies by event type; the usual properties are listed',
  })
  data: Record<string, unknown>;
}

export class LinkedCaseDto {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String, example: TRACKING_NO }) trackingNo: string;
  @ApiProperty(track) track: string;
  @ApiProperty({
    ...status,
    nullable: true,
    description: "他人举报的进度只给其承办单位看，其他人为 null / a report's progress is for its handling unit only",
  })
  status: string | null;
  @ApiProperty({
    enum: ['linked', 'duplicate', 'duplicate-of'],
    description: 'linked：同一提交的另一半或转出的举报；duplicate：并入本件的重复投诉；duplicate-of：本件并入的首次投诉',
  })
  relation: string;
}

export class HiddenPersonDto extends HiddenConsumerDto {
  @ApiProperty({ type: String, nullable: true, enum: [null] }) address: null;
  @ApiProperty({ type: String, nullable: true, enum: [null] }) idNumber: null;
  @ApiProperty({ type: String, nullable: true, enum: [null] }) email: null;
  @ApiProperty({ type: Boolean, enum: [false] }) revealable: boolean;
}

export class MaskedPersonDto extends ConsumerSummaryDto {
  @ApiProperty({ type: String, nullable: true, description: '遮蔽 / masked' }) address: string | null;
  @ApiProperty({ type: String, nullable: true, example: '3715**********1234', description: '遮蔽 / masked' }) idNumber: string | null;
  @ApiProperty({ type: String, nullable: true, description: '遮蔽 / masked' }) email: string | null;
  @ApiProperty({
    type: Boolean,
    description: 'GET /cases/{id}/personal-data 可查看全文（仅承办单位）/ the full data may be shown (handling unit)',
  })
  revealable: boolean;
}

export class CaseRespondentDto {
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '91371500MA3C8X2Q16' }) creditCode: string | null;
  @ApiProperty({ type: String }) address: string;
  @ApiProperty({ type: String, example: '371502' }) areaCode: string;
  @ApiProperty({ type: String, nullable: true }) venueCode: string | null;
  @ApiProperty({ type: Boolean }) online: boolean;
  @ApiProperty({ type: String, nullable: true }) platformName: string | null;
}

export class CaseRatingDto {
  @ApiProperty({ enum: ['satisfied', 'basically', 'dissatisfied'], enumName: 'Rating' }) rating: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class CaseOutcomeDto {
  @ApiProperty({ type: String, nullable: true }) reasonCode: string | null;
  @ApiProperty({ type: String, nullable: true, example: '1280.50', description: '元，两位小数 / yuan, two decimals' }) amountRecovered:
    string | null;
  @ApiProperty({ type: Boolean, nullable: true }) agreement: boolean | null;
  @ApiProperty({ type: String, nullable: true, enum: ['opened', 'not-opened'] }) decision: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) acceptedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) concludedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) followUpAt: Date | null;
  @ApiProperty({ type: CaseRatingDto, nullable: true }) rating: CaseRatingDto | null;
}

export class AttachmentDto {
  @ApiProperty({ type: String, example: '7' }) id: string;
  @ApiProperty({ type: String, example: '小票.png' }) name: string;
  @ApiProperty({ type: String, example: 'image/png' }) mime: string;
  @ApiProperty({ type: Number, example: 48213, description: '字节 / bytes' }) size: number;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ enum: ['consumer', 'business'], description: '消费者的，或经营者答复时附的 / the consumer’s, or the business’s' })
  from: string;
  @ApiProperty({ description: '消费者同意经营者查看 / the consumer let the business see it' }) sharedWithBusiness: boolean;
}

export class RuleSetRefDto {
  @ApiProperty({
    enum: ['order20', 'order121'],
    description: '受理当日适用的规章：order20（2026-04-15 前）或 order121 / the rules of the day it was received',
  })
  code: string;
}

@ApiExtraModels(HiddenPersonDto, MaskedPersonDto)
export class CaseDetailDto extends OmitType(CaseListItemDto, ['consumer']) {
  @ApiProperty({ enum: ['settlement', 'formal'], enumName: 'CaseStage' }) stage: 'settlement' | 'formal';
  @ApiProperty({ type: CaseSettlementDto, nullable: true, description: '先行和解阶段 / the settlement stage only' })
  settlement: CaseSettlementDto | null;
  @ApiProperty({ type: CaseEscalationDto, nullable: true, description: '由协商和解转为正式投诉 / left the settlement stage' })
  escalation: CaseEscalationDto | null;
  @ApiProperty({ type: RuleSetRefDto }) ruleSet: RuleSetRefDto;
  @ApiProperty({ type: String, nullable: true, example: 'quality' }) issueType: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'offline' }) purchaseChannel: string | null;
  @ApiProperty({ type: Boolean }) prepaid: boolean;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(HiddenPersonDto) }, { $ref: getSchemaPath(MaskedPersonDto) }] }) consumer:
    HiddenPersonDto | MaskedPersonDto;
  @ApiProperty({ type: CaseRespondentDto }) respondent: CaseRespondentDto;
  @ApiProperty({ type: String, format: 'date' }) incidentDate: string;
  @ApiProperty({ type: String, nullable: true, example: '268.50', description: '元，两位小数 / yuan, two decimals' }) amount: string | null;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String }) demand: string;
  @ApiProperty({ type: Boolean }) consentToPublish: boolean;
  @ApiProperty({ type: Boolean, description: "调用者所在单位正在承办 / the caller's unit handles it" }) handledByYou: boolean;
  @ApiProperty({ type: [CaseClockDto] }) clocks: CaseClockDto[];
  @ApiProperty({ type: CaseOutcomeDto }) outcome: CaseOutcomeDto;
  @ApiProperty({
    type: ClaimantFlagsDto,
    nullable: true,
    description: '非承办单位查看举报时为 null / null for a report read by others than its handler',
  })
  claimant: ClaimantFlagsDto | null;
  @ApiProperty({ ...action, isArray: true, description: '现在可执行的操作（仅承办单位）/ what the caller may do now' })
  allowedActions: CaseAction[];
  @ApiProperty({
    ...action,
    nullable: true,
    description:
      '最可能的下一步（常规流程，取自 allowedActions）；须由办理人选择时为 null / the likely next step of the common path (one of allowedActions), or null when the handler must choose',
  })
  nextAction: CaseAction | null;
  @ApiProperty({ type: ReasonOptionsDto }) reasonOptions: ReasonOptionsDto;
  @ApiProperty({ type: [RoutingRoundDto] }) routing: RoutingRoundDto[];
  @ApiProperty({ type: [HistoryEventDto] }) history: HistoryEventDto[];
  @ApiProperty({ type: [LinkedCaseDto] }) linked: LinkedCaseDto[];
  @ApiProperty({ type: [AttachmentDto] }) attachments: AttachmentDto[];
  @ApiProperty({
    type: CaseJointDto,
    nullable: true,
    description: '按共同投诉处理时：共同投诉编号与代表人（第十二条）/ the joint complaint it is in (Order 121 Art. 12), or null',
  })
  jointCase: CaseJointDto | null;
}

export class PersonalDataDto {
  @ApiProperty({ type: String, example: '张三' }) name: string;
  @ApiProperty({ type: String, example: '13800138000' }) phone: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) email: string | null;
}

export class ActionResultDto {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty(action) action: string;
  @ApiProperty(status) from: CaseStatus;
  @ApiProperty(status) status: string;
  @ApiPropertyOptional({ type: CaseRefDto, description: 'report-violation：转出的举报 / the report opened' }) linkedReport?: CaseRefDto;
  @ApiPropertyOptional({ type: Number, description: 'hand-back：重新分派的轮次 / the routing round that follows' }) routingRound?: number;
}

/** 409 for an action the case's state does not allow now. */
export class ActionNotAllowedDto extends ErrorDto {
  @ApiPropertyOptional({ ...action, isArray: true, description: '现在可执行的操作 / the actions allowed now' }) allowed?: CaseAction[];
}
