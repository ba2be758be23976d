import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { CASE_ACTIONS, OFFER_RESPONSES, REMEDIES } from '@weiquan/cases';
import { bilingual as t, PageQuery } from '@weiquan/core';

export class BusinessCasesQuery extends PageQuery {
  @ApiPropertyOptional({
    enum: ['open', 'all'],
    default: 'open',
    description:
      'open：待贵单位处理（按期限先后）；all：全部（最新在前）/ open: yours to handle, nearest due first; all: every one, newest first',
  })
  @IsOptional()
  @IsIn(['open', 'all'], t('应为 open 或 all', 'must be open or all'))
  view?: 'open' | 'all';
}

class CodeNameDto {
  @ApiProperty() code: string;
  @ApiProperty() name: string;
}

class CodeTextDto {
  @ApiProperty() code: string;
  @ApiProperty() text: string;
}

export class BusinessCaseItemDto {
  @ApiProperty() id: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty({ enum: ['settlement', 'formal'] }) stage: 'settlement' | 'formal';
  @ApiProperty() status: string;
  @ApiProperty({ example: '待答复' }) statusText: string;
  @ApiProperty({ type: CodeNameDto }) category: CodeNameDto;
  @ApiProperty({ example: '王*', description: '只显示姓氏 / family name only' }) consumerName: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '答复期限（市政策）/ answer by (city policy)' })
  dueDate: string | null;
  @ApiProperty({ description: '由贵单位处理中 / you hold it' }) yours: boolean;
}

export class BusinessCasePageDto {
  @ApiProperty({ type: [BusinessCaseItemDto] }) items: BusinessCaseItemDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}

class BusinessConsumerDto {
  @ApiProperty({ example: '王*' }) name: string;
  @ApiProperty({ description: '消费者同意贵单位联系 / the consumer agreed to be contacted by you' }) contactConsented: boolean;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
}

class HolderDto {
  @ApiProperty({ enum: ['business', 'station', 'regulator'] }) type: string;
  @ApiProperty({ type: String, nullable: true, description: '贵单位自己时为 null / null when it is you' }) name: string | null;
}

class BusinessOfferDto {
  @ApiProperty({ enum: OFFER_RESPONSES, nullable: true }) response: string | null;
  @ApiProperty({ enum: REMEDIES }) remedy: string;
  @ApiProperty({ type: String, nullable: true, example: '100.00' }) amount: string | null;
  @ApiProperty() message: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
}

class BusinessSettlementDto {
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    description: '贵单位答复期限（市政策）/ your answer deadline (city policy)',
  })
  dueDate: string | null;
  @ApiProperty({ type: BusinessOfferDto, nullable: true }) offer: BusinessOfferDto | null;
  @ApiProperty({ type: String, nullable: true, description: '已和解的金额（元）/ amount settled, yuan' }) amountSettled: string | null;
}

class BusinessAttachmentDto {
  @ApiProperty() id: string;
  @ApiProperty() name: string;
  @ApiProperty() mime: string;
  @ApiProperty() size: number;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({ enum: ['consumer', 'business'] }) from: string;
}

class NoticeDto {
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty() type: string;
  @ApiProperty() text: string;
}

export class BusinessCaseDto {
  @ApiProperty() id: string;
  @ApiProperty() trackingNo: string;
  @ApiProperty({ enum: ['settlement', 'formal'] }) stage: 'settlement' | 'formal';
  @ApiProperty() status: string;
  @ApiProperty() statusText: string;
  @ApiProperty({ type: CodeNameDto }) category: CodeNameDto;
  @ApiProperty({ type: CodeTextDto, nullable: true }) issue: CodeTextDto | null;
  @ApiProperty({ type: String, nullable: true }) purchaseChannel: string | null;
  @ApiProperty() prepaid: boolean;
  @ApiProperty() respondentName: string;
  @ApiProperty({ type: String, format: 'date' }) incidentDate: string;
  @ApiProperty({ type: String, nullable: true, description: '涉及金额（元）/ amount involved, yuan' }) amount: string | null;
  @ApiProperty() description: string;
  @ApiProperty() demand: string;
  @ApiProperty({ type: String, format: 'date-time' }) receivedAt: string;
  @ApiProperty({ type: BusinessConsumerDto }) consumer: BusinessConsumerDto;
  @ApiProperty({ type: HolderDto, nullable: true }) holder: HolderDto | null;
  @ApiProperty({ type: BusinessSettlementDto, nullable: true }) settlement: BusinessSettlementDto | null;
  @ApiProperty({ type: [BusinessAttachmentDto], description: '消费者同意共享的，和贵单位上传的 / shared by the consumer, and yours' })
  attachments: BusinessAttachmentDto[];
  @ApiProperty({ type: [NoticeDto], description: '处理进展和监管部门的调解通知 / progress and the regulator’s mediation notices' })
  notices: NoticeDto[];
  @ApiProperty({
    enum: CASE_ACTIONS,
    enumName: 'CaseAction',
    isArray: true,
    description: '经 POST /cases/{id}/actions 可执行的操作 / what you may do now, through POST /cases/{id}/actions',
  })
  allowedActions: string[];
}

export class StatementDto {
  @ApiProperty({
    type: String,
    nullable: true,
    description: '公开声明（在经营者公示页显示）；null 删除 / public statement (on your public record); null removes it',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(2, 1000, t('应为 2–1000 个字', 'must be 2–1000 characters'))
  statement: string | null;
}
