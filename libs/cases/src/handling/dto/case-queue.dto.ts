import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { CASE_STATUSES } from '../../case-status';
import type { CaseStatus } from '../../case-status';
import { DUE_CLOCKS } from '../due-clock';
import type { DueClock } from '../due-clock';

/**
 * The staff queue's answers (libs/cases/src/handling/case-queue.service.ts builds them): a page of
 * cases, the count of each status, and the open work's overdue and due-soon counts. Shapes shared
 * with the case file (case-view.dto.ts) are defined here, where the list needs them first.
 */

export const TRACKS = ['complaint', 'report'] as const;
export const UNIT_TYPES = ['station', 'regulator', 'business'] as const;
const INTAKE_CHANNELS = ['web', 'phone', 'letter', 'counter', 'referral'] as const;
export const TRACKING_NO = '2611210012342';

/** Shared enums get a schema of their own (components.schemas.CaseStatus …), so clients name them once. */
export const track = { enum: TRACKS, enumName: 'Track' } as const;
export const status = { enum: CASE_STATUSES, enumName: 'CaseStatus' } as const;
const dueClock = { enum: DUE_CLOCKS, enumName: 'DueClock' } as const;

export class CodeNameDto {
  @ApiProperty({ type: String, example: 'catering' }) code: string;
  @ApiProperty({ type: String, example: '餐饮服务' }) name: string;
}

export class AssigneeDto {
  @ApiProperty({ enum: UNIT_TYPES, enumName: 'UnitType' }) type: string | null;
  @ApiProperty({ type: String, example: 'ST-371502-001' }) code: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '金鼎购物中心消费维权服务站',
    description: '单位已不在目录中时为 null / null when the unit left the directory',
  })
  name: string | null;
}

/** A report's reporter is hidden from everyone but the handling unit (Art. 33). */
export class HiddenConsumerDto {
  @ApiProperty({ type: Boolean, enum: [true] }) hidden: true;
  @ApiProperty({ type: String, nullable: true, enum: [null] }) name: null;
  @ApiProperty({ type: String, nullable: true, enum: [null] }) phone: null;
}

export class ConsumerSummaryDto {
  @ApiProperty({ type: Boolean, enum: [false] }) hidden: false;
  @ApiProperty({
    type: String,
    example: '张*',
    description: '承办单位看到全名，其他人看到遮蔽后的姓名 / in full for the handling unit, masked for others',
  })
  name: string;
  @ApiProperty({ type: String, example: '138****8000', description: '始终遮蔽 / always masked' }) phone: string;
}

@ApiExtraModels(HiddenConsumerDto, ConsumerSummaryDto)
export class CaseListItemDto {
  @ApiProperty({ type: String, example: '1024' }) id: string;
  @ApiProperty({ type: String, example: TRACKING_NO }) trackingNo: string;
  @ApiProperty(track) track: 'complaint' | 'report';
  @ApiProperty(status) status: CaseStatus;
  @ApiProperty({ type: String, example: '已分派，等待受理', description: "按 Accept-Language / in the caller's language" })
  statusText: string;
  @ApiProperty({ type: CodeNameDto }) category: CodeNameDto;
  @ApiProperty({ type: String, example: '聊城市某某餐饮有限公司' }) respondentName: string;
  @ApiProperty({ oneOf: [{ $ref: getSchemaPath(HiddenConsumerDto) }, { $ref: getSchemaPath(ConsumerSummaryDto) }] }) consumer:
    HiddenConsumerDto | ConsumerSummaryDto;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: Date;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '正在计算的期限 / the running deadline' }) dueOn: string | null;
  @ApiProperty({
    ...dueClock,
    nullable: true,
    description:
      'dueOn 是哪个期限：受理、立案决定、调解、终止调解告知、告知举报人、回访，或先行和解的接手、和解期限 / which deadline dueOn is',
  })
  dueClock: DueClock | null;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '受理期限',
    description: "期限名称，按 Accept-Language / its name, in the caller's language",
  })
  dueLabel: string | null;
  @ApiProperty({ type: Boolean }) overdue: boolean;
  @ApiProperty({
    type: Boolean,
    description: '未超期且在 2 个工作日内到期（以官方日历计）/ not overdue and due within 2 working days (the official calendar)',
  })
  dueSoon: boolean;
  @ApiProperty({ type: AssigneeDto, nullable: true }) assignee: AssigneeDto | null;
  @ApiProperty({ enum: INTAKE_CHANNELS, description: 'referral：办理中发现的违法线索转为举报 / a report opened from a complaint' })
  intakeChannel: string;
  @ApiProperty({
    type: [String],
    example: ['outside-city'],
    description: '受理时的提示，如 outside-city、incident-over-3-years / intake notes',
  })
  flags: string[];
}

export class CasePageDto {
  @ApiProperty({ type: [CaseListItemDto] }) items: CaseListItemDto[];
  @ApiProperty({ type: String, nullable: true, description: '下一页游标，没有更多时为 null / pass as ?cursor= for the next page' })
  nextCursor: string | null;
}

export class StatusCountDto {
  @ApiProperty(status) status: CaseStatus;
  @ApiProperty({ type: Number, example: 12 }) count: number;
}

export class CaseCountsDto {
  @ApiProperty({ type: [StatusCountDto], description: '每个状态的案件数（没有的状态不列出）/ cases in each status (none: not listed)' })
  statuses: StatusCountDto[];
  @ApiProperty({ type: Number, description: '未办结的 / open (not finished)' }) open: number;
  @ApiProperty({ type: Number }) total: number;
}

export class WorkloadDto {
  @ApiProperty({ type: Number, description: '未办结的案件 / open cases' }) open: number;
  @ApiProperty({ type: Number, description: '其中已超期 / of them, past their deadline' }) overdue: number;
  @ApiProperty({ type: Number, description: '其中 soonDays 个工作日内到期（未超期）/ of them, due within soonDays working days' })
  dueSoon: number;
  @ApiProperty({ type: Number, example: 2 }) soonDays: number;
  @ApiProperty({ type: String, format: 'date' }) today: string;
  @ApiProperty({ type: String, format: 'date', description: '"即将到期"的最后一天 / the last day of "due soon"' }) soonBy: string;
}
