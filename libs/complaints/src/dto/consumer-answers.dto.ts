import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CASE_STATUSES, CLOCK_TEXT, ISSUE_TYPES, REMEDIES } from '@weiquan/cases';
import { ErrorDto } from '@weiquan/core/http/dto/error.dto';
import { AssigneeDto, AttachmentDto, CaseRatingDto, CodeNameDto, TRACKS } from '@weiquan/cases/handling/dto/case-view.dto';
import { BilingualTextDto } from '@weiquan/cases/handling/dto/bilingual-text.dto';
import { ALLOWED_MIME } from '../consumer/attachment.store';
import { ELSEWHERE_KINDS } from '../intake/request-kind.rules';
import { KINDS } from './create-complaint.dto';
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
  @ApiProperty({ type: String, example: TRACKING_NO, description: '查询编号 / tracking number' }) trackingNo: string;
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

/** What a deadline is and what sets it, in both languages (consumer/deadline-explanations.ts). */
export class DeadlineExplanationDto {
  @ApiProperty({
    enum: ['law', 'policy'],
    enumName: 'DeadlineBasis',
    description:
      'law：法定期限（注明条款）；policy：本市政策，非法定期限 / law: a statutory period (its articles are cited); policy: the city’s policy, not law',
  })
  basis: 'law' | 'policy';
  @ApiProperty({
    type: String,
    example: '法定期限：市场监管部门应自收到您的投诉之日起 7 个工作日内决定是否受理并告知您（《市场监督管理投诉举报处理办法》第十五条）。',
    description: '一句话说明（中文）/ one sentence, Chinese',
  })
  zh: string;
  @ApiProperty({
    type: String,
    example:
      'Legal deadline: the department must decide within 7 working days of receiving your complaint whether to accept it, and tell you (SAMR Order 121 Art. 15).',
    description: 'the same sentence in English',
  })
  en: string;
}

const explanation = (of: string) =>
  ({
    type: DeadlineExplanationDto,
    nullable: true,
    description: `${of}的说明；没有该期限时为 null / what it is and what sets it; null when there is none`,
  }) as const;

export class DeadlineDto {
  @ApiProperty({ enum: Object.keys(CLOCK_TEXT), enumName: 'ClockName' }) kind: string;
  @ApiProperty({ type: String, description: "按 Accept-Language / in the caller's language" }) text: string;
  @ApiProperty({ type: DeadlineExplanationDto }) explanation: DeadlineExplanationDto;
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
  @ApiProperty(explanation('接手期限')) takeUpDueDateExplanation: DeadlineExplanationDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '协商期限（市政策）/ the outcome deadline (city policy)' })
  dueDate: string | null;
  @ApiProperty(explanation('协商期限')) dueDateExplanation: DeadlineExplanationDto | null;
  @ApiProperty({ type: SettlementOfferDto, nullable: true }) offer: SettlementOfferDto | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description:
      '接受方案后，可反映经营者未履行的最后一日（市政策，默认 7 日）；其他时候为 null / after accepting: the last day to say the business did not deliver (city policy, 7 days); otherwise null',
  })
  notDeliveredUntil: string | null;
  @ApiProperty(explanation('反映未履行期限')) notDeliveredUntilExplanation: DeadlineExplanationDto | null;
}

export class OfferAcceptedDto {
  @ApiProperty({ enum: ['settled'] }) status: 'settled';
  @ApiProperty({ type: String, example: '268.50', description: '挽回金额（元）/ amount recovered, yuan' }) amountRecovered: string;
}

export class EscalatedDto {
  @ApiProperty({ enum: ['received'], description: '等待分派给有管辖权的部门 / waiting to be routed to the department' }) status: 'received';
  @ApiProperty({ enum: ['formal'] }) stage: 'formal';
}

/** The unit handling the case and how to reach it, as the directory has it (consumer/handling-unit.ts). */
export class HandlingUnitDto {
  @ApiProperty({ enum: ['station', 'regulator', 'business'], enumName: 'UnitType' }) type: 'station' | 'regulator' | 'business';
  @ApiProperty({ type: String, example: 'ST-371502-001' }) code: string;
  @ApiProperty({
    type: String,
    nullable: true,
    example: '金鼎购物中心消费维权服务站',
    description: '单位已不在目录中时为 null / null when the unit left the directory',
  })
  name: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      '单位名录中登记的电话；名录中没有、或承办方为经营者时为 null，见 note / the phone in the unit directory; null when it has none, or for a business (see note)',
  })
  phone: string | null;
  @ApiProperty({ type: String, nullable: true, description: '单位名录中登记的地址，没有时为 null / the address in the directory, or null' })
  address: string | null;
  @ApiProperty({
    type: BilingualTextDto,
    nullable: true,
    description: '电话或地址为 null 的原因 / why the phone or address is null',
  })
  note: BilingualTextDto | null;
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
  @ApiProperty({
    type: HandlingUnitDto,
    nullable: true,
    description: '承办单位及其联系方式；尚未分派时为 null / the handling unit and how to reach it; null while being routed',
  })
  handlingUnit: HandlingUnitDto | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '正在计算的期限 / the running deadline' }) dueDate:
    string | null;
  @ApiProperty(explanation('正在计算的期限')) dueDateExplanation: DeadlineExplanationDto | null;
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

export class AccessCodeRecoveryDto {
  @ApiProperty({
    enum: ['accepted', 'unavailable'],
    description:
      'accepted：请求已收到；查询编号和手机号与登记的一致时，新查询码以短信发送到该手机，原查询码作废（每件每天最多 3 次）。答复不说明是否一致。' +
      'unavailable：系统暂未接入短信服务，无法发送，原查询码继续有效 / accepted: if the tracking number and phone match the case, a new access code goes by SMS to that phone and the old one stops working (3 a day per case); the answer never says whether they matched. unavailable: no SMS provider is configured, nothing is sent and the old code still works',
  })
  status: 'accepted' | 'unavailable';
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
