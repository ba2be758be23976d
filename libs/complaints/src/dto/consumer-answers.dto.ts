import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CLOCK_TEXT, REMEDIES } from '@weiquan/cases';
import { ErrorDto } from '@weiquan/core/http/dto/error.dto';
import { AssigneeDto, AttachmentDto, CaseRatingDto, CodeNameDto, TRACKS } from '@weiquan/cases/handling/dto/case-view.dto';
import { ALLOWED_MIME } from '../consumer/attachment.store';
import { ELSEWHERE_KINDS } from '../intake/request-kind.rules';
import { ISSUE_TYPES, KINDS } from './create-complaint.dto';
import { RATINGS } from './consumer.dto';

/**
 * What the consumer endpoints and intake answer (intake.service.ts, consumer-case.service.ts,
 * disclosure.service.ts). TypeScript types are what the code guarantees; schemas may be narrower
 * where the database's checks are.
 */

const TRACKING_NO = '2611210012342';
const status = { enum: CASE_STATUSES, enumName: 'CaseStatus' } as const;
const track = { enum: TRACKS, enumName: 'Track' } as const;
const stage = {
  enum: ['settlement', 'formal'],
  enumName: 'CaseStage',
  description:
    'settlement 先行和解（服务站协助与经营者协商，不计法定期限）；formal 正式投诉（市场监管部门依法受理、调解）/ settlement: a station helps both sides agree (no statutory clock); formal: the department decides and mediates',
} as const;

const repeatRule = {
  enum: ['while-open', 'art35'],
  enumName: 'RepeatRule',
  description:
    '仅 duplicate：while-open 同一投诉人就同一经营者的同一事项，首次投诉仍在办理中，已并入；art35 同一举报人就同一涉嫌违法事实重复举报同一被举报人，不再另行处理（第121号令第三十五条）/ duplicates only: while-open, the same matter while the first case is still being handled; art35, the same reporter, facts and respondent again, not handled again (Order 121 Art. 35)',
} as const;

export class SubmittedCaseDto {
  @ApiProperty({ type: String, example: TRACKING_NO }) trackingNo: string;
  @ApiProperty(track) track: 'complaint' | 'report';
  @ApiProperty({ enum: ['received', 'duplicate'] }) status: 'received' | 'duplicate';
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: '受理（举报：立案决定）期限 / the acceptance (report: decision) deadline',
  })
  dueDate: string | null;
  @ApiPropertyOptional({ type: String, description: '重复投诉并入的首次投诉 / the first complaint a duplicate is linked to' })
  duplicateOfTrackingNo?: string;
  @ApiPropertyOptional(repeatRule) repeatRule?: 'while-open' | 'art35';
}

export class SubmissionAnswerDto {
  @ApiProperty({ type: String, example: TRACKING_NO, description: '受理编号 / tracking number' }) trackingNo: string;
  @ApiProperty({ type: String, example: '48213905', description: '查询码，仅此一次告知 / the access code, shown this once' })
  accessCode: string;
  @ApiProperty({ enum: KINDS }) kind: (typeof KINDS)[number];
  @ApiProperty({
    enum: ['received', 'duplicate'],
    description:
      'duplicate：与仍在办理中的首次投诉为同一事项，或重复举报同一涉嫌违法事实，已关联到首次提交、不另行分派 / the same matter as a case still being handled, or a repeated report of the same facts: linked to the first, not routed',
  })
  status: 'received' | 'duplicate';
  @ApiProperty(stage) stage: 'settlement' | 'formal';
  @ApiPropertyOptional(repeatRule) repeatRule?: 'while-open' | 'art35';
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2026-11-30',
    description: '正式投诉的受理期限；先行和解阶段不计算法定期限，为 null / the formal acceptance deadline; null in the settlement stage',
  })
  acceptanceDueDate: string | null;
  @ApiProperty({
    type: Boolean,
    description: '期限所在年份尚无官方放假安排，录入后重算 / counts days of a year without an official schedule yet',
  })
  acceptanceDueProvisional: boolean;
  @ApiPropertyOptional({ type: String, description: 'kind=both：同时登记的举报 / the report filed with it' }) linkedTrackingNo?: string;
  @ApiPropertyOptional({ type: String }) duplicateOfTrackingNo?: string;
  @ApiProperty({ type: [SubmittedCaseDto], description: '每件案件（kind=both 时两件）/ each case made (two for kind=both)' })
  cases: SubmittedCaseDto[];
}

export class DeadlineDto {
  @ApiProperty({ enum: Object.keys(CLOCK_TEXT), enumName: 'ClockName' }) kind: string;
  @ApiProperty({ type: String, description: "按 Accept-Language / in the caller's language" }) text: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate: string;
  @ApiProperty({ type: Boolean }) provisional: boolean;
  @ApiProperty({ type: String, format: 'date', nullable: true }) metOn: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) pausedOn: string | null;
}

export class TimelineEntryDto {
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, example: 'assigned' }) type: string;
  @ApiProperty({
    type: String,
    example: '已分派给 金鼎购物中心消费维权服务站 办理',
    description: "按 Accept-Language / in the caller's language",
  })
  text: string;
}

export class SettlementHandlerDto {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String, example: '金鼎购物中心消费维权服务站' }) name: string;
  @ApiProperty({ enum: ['station', 'business'] }) type: 'station' | 'business';
  @ApiProperty({ type: String, nullable: true, description: '服务站电话 / the station’s phone' }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}

export class SettlementOfferDto {
  @ApiProperty({ enum: REMEDIES, enumName: 'Remedy' }) remedy: string;
  @ApiProperty({ type: String, example: '退款', description: "按 Accept-Language / in the caller's language" }) remedyText: string;
  @ApiProperty({ type: String, nullable: true, example: '268.50', description: '元，两位小数 / yuan, two decimals' }) amount: string | null;
  @ApiProperty({ type: String, description: '经营者的答复 / the business’s message' }) message: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({
    enum: ['full', 'partial'],
    nullable: true,
    description: '经营者自行答复时：全部同意 / 部分同意（服务站记录的方案可能没有）/ the business’s own answer: agrees in full or in part',
  })
  response: 'full' | 'partial' | null;
}

export class SettlementViewDto {
  @ApiProperty({ type: SettlementHandlerDto, nullable: true, description: '尚在分派时为 null / null while being routed' })
  handler: SettlementHandlerDto | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: '服务站接手期限（市政策），接手后为 null / the take-up deadline (city policy); null once taken up',
  })
  takeUpDueDate: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '协商期限（市政策）/ the outcome deadline (city policy)' })
  dueDate: string | null;
  @ApiProperty({ type: SettlementOfferDto, nullable: true }) offer: SettlementOfferDto | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      '接受方案后，可反映经营者未履行的最后一日（市政策，默认 7 日）；其他时候为 null / after accepting: the last day to say the business did not deliver (city policy, 7 days); otherwise null',
  })
  notDeliveredUntil: string | null;
}

export class OfferAcceptedDto {
  @ApiProperty({ enum: ['settled'] }) status: 'settled';
  @ApiProperty({ type: String, example: '268.50', description: '挽回金额（元）/ amount recovered, yuan' }) amountRecovered: string;
}

export class EscalatedDto {
  @ApiProperty({ enum: ['received'], description: '等待分派给有管辖权的部门 / waiting to be routed to the department' }) status: 'received';
  @ApiProperty({ enum: ['formal'] }) stage: 'formal';
}

export class ConsumerCaseViewDto {
  @ApiProperty({ type: String, example: TRACKING_NO }) trackingNo: string;
  @ApiProperty(track) track: 'complaint' | 'report';
  @ApiProperty(status) status: string;
  @ApiProperty({ type: String, example: '已受理' }) statusText: string;
  @ApiProperty({ type: CodeNameDto }) category: CodeNameDto;
  @ApiProperty({ type: String }) respondentName: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: Date;
  @ApiProperty({ type: AssigneeDto, nullable: true }) assignee: AssigneeDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '正在计算的期限 / the running deadline' }) dueDate:
    string | null;
  @ApiProperty({ type: [DeadlineDto] }) deadlines: DeadlineDto[];
  @ApiProperty(stage) stage: 'settlement' | 'formal';
  @ApiProperty({ type: SettlementViewDto, nullable: true, description: '先行和解阶段才有 / in the settlement stage only' })
  settlement: SettlementViewDto | null;
  @ApiProperty({ type: String, nullable: true, description: '同一提交的另一件 / the other case of the same submission' }) linkedTrackingNo:
    string | null;
  @ApiProperty({ type: String, nullable: true }) duplicateOfTrackingNo: string | null;
  @ApiProperty({ type: CaseRatingDto, nullable: true }) rating: CaseRatingDto | null;
  @ApiProperty({ type: [AttachmentDto] }) attachments: AttachmentDto[];
  @ApiProperty({ type: [TimelineEntryDto] }) timeline: TimelineEntryDto[];
}

export class WithdrawnDto {
  @ApiProperty({
    enum: ['withdrawn', 'terminated'],
    description: '受理前撤回为 withdrawn；受理后（调解中）撤回即终止调解 / withdrawn before acceptance; terminated once accepted',
  })
  status: string;
}

export class SupplementAddedDto {
  @ApiProperty({ type: Boolean, enum: [true] }) added: true;
}

export class AttachmentAddedDto {
  @ApiProperty({ type: String, nullable: true, description: '同一文件已附在本案时为 null / null when the same file was already attached' })
  id: string | null;
  @ApiProperty({ type: String, example: '小票.png' }) name: string;
  @ApiProperty({ enum: ALLOWED_MIME, description: '按文件内容识别 / recognised from the content' }) mime: string;
  @ApiProperty({ type: Number, description: '字节 / bytes' }) size: number;
  @ApiProperty({ type: Boolean }) duplicate: boolean;
}

export class AttachmentsAddedDto {
  @ApiProperty({ type: [AttachmentAddedDto] }) attachments: AttachmentAddedDto[];
}

export class RatingAnswerDto {
  @ApiProperty({ enum: RATINGS, enumName: 'Rating' }) rating: string;
  @ApiProperty({ type: String, nullable: true }) comment: string | null;
}

export class DisclosedRespondentDto {
  @ApiProperty({ type: String, example: '聊城市某某餐饮有限公司' }) name: string;
  @ApiProperty({ type: String, nullable: true, example: '91371500MA3C8X2Q16' }) creditCode: string | null;
}

export class DisclosedIssueDto {
  @ApiProperty({ enum: ISSUE_TYPES }) code: string;
  @ApiProperty({ type: String, example: '商品或服务质量' }) text: string;
}

export class DisclosedComplaintDto {
  @ApiProperty({ type: DisclosedRespondentDto }) respondent: DisclosedRespondentDto;
  @ApiProperty({ type: CodeNameDto }) category: CodeNameDto;
  @ApiProperty({ type: DisclosedIssueDto, nullable: true }) issue: DisclosedIssueDto | null;
  @ApiProperty({ type: String, format: 'date' }) receivedOn: string;
  @ApiProperty({ type: String, format: 'date', nullable: true }) concludedOn: string | null;
  @ApiProperty({ enum: ['resolved', 'terminated'] }) outcome: 'resolved' | 'terminated';
  @ApiProperty({ type: String, example: '调解成功', description: "按 Accept-Language / in the caller's language" }) outcomeText: string;
}

export class DisclosurePageDto {
  @ApiProperty({ type: [DisclosedComplaintDto] }) items: DisclosedComplaintDto[];
  @ApiProperty({ type: String, nullable: true, description: '下一页游标 / pass as ?cursor= for the next page' }) nextCursor: string | null;
}

/** 422 for a request that is not a complaint or report (Order 121 Art. 44): the message says where it goes; no case is made. */
export class NotAComplaintErrorDto extends ErrorDto {
  @ApiPropertyOptional({
    enum: ELSEWHERE_KINDS,
    description: '不属于投诉举报的请求类型 / the kind of request that is not a complaint or report',
  })
  requestKind?: string;
  @ApiPropertyOptional({ type: String, example: '《市场监督管理投诉举报处理办法》第四十四条' })
  basis?: string;
}
