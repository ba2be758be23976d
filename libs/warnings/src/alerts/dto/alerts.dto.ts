import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Length, Matches, MaxLength } from 'class-validator';
import { bilingual, WholeNumber } from '@weiquan/core';
import { ALERT_STATUSES } from '../early-warning.rules';
import type { AlertStatus } from '../early-warning.rules';

const t = bilingual;

/** `GET /warnings/alerts`: newest first, by status, keyset-paged by id. */
export class AlertListQuery {
  @ApiPropertyOptional({ enum: ALERT_STATUSES, description: '状态 / status (default: every status)' })
  @IsOptional()
  @IsIn(ALERT_STATUSES, t(`应为 ${ALERT_STATUSES.join('、')} 之一`, `must be one of ${ALERT_STATUSES.join(', ')}`))
  status?: AlertStatus;

  @ApiPropertyOptional({ description: '上一页最后一条的 id / the last id of the previous page', example: '42' })
  @IsOptional()
  @IsString(t('应为数字编号', 'must be a numeric id'))
  @Matches(/^\d{1,18}$/, t('应为数字编号', 'must be a numeric id'))
  before?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @WholeNumber(1, 100)
  limit?: number;
}

export class AcknowledgeAlertDto {
  @ApiPropertyOptional({ description: '备注 / note', maxLength: 500 })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(500, t('最多 500 个字', 'at most 500 characters'))
  note?: string;
}

export class DismissAlertDto {
  @ApiProperty({ description: '排除理由（如：已核实为正常经营、重复投诉）/ why it is dismissed', minLength: 4, maxLength: 500 })
  @IsString(t('请填写排除理由', 'give the reason'))
  @Length(4, 500, t('排除理由应为 4–500 个字', 'the reason is 4–500 characters'))
  reason!: string;
}

export class AlertCountsDto {
  @ApiProperty() complaints!: number;
  @ApiProperty({ description: '预付式 / prepaid' }) prepaid!: number;
  @ApiProperty({ description: '反映停业、跑路、无法退款 / signalling a closure' }) signal!: number;
  @ApiProperty() prepaidSignal!: number;
}

export class AlertFindingDto {
  @ApiProperty({ enum: ['all', 'prepaid'] }) measure!: 'all' | 'prepaid';
  @ApiProperty() count!: number;
  @ApiProperty() signal!: number;
  @ApiProperty({ description: '加权后件数 / weighted count' }) weighted!: number;
  @ApiProperty({ description: '基线：每周平均件数 / weekly baseline' }) weeklyBaseline!: number;
  @ApiProperty({ description: '触发线 / the bar it reached' }) bar!: number;
  @ApiProperty({ description: '说明 / the finding in words (zh-CN)' }) text!: string;
}

export class AlertEvidenceDto {
  @ApiProperty({ type: AlertCountsDto, description: '近 7 天 / the window' }) window!: AlertCountsDto;
  @ApiProperty({ type: AlertCountsDto, description: '此前基线期 / the baseline' }) baseline!: AlertCountsDto;
  @ApiProperty({ description: '基线实际覆盖天数 / days the baseline covers' }) baselineDays!: number;
  @ApiProperty({ type: [AlertFindingDto] }) findings!: AlertFindingDto[];
}

export class AlertUnitDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
}

/** The queue's filters that list an alert's complaints (`GET /cases?...`), within the reader's own scope. */
export class AlertCasesQueryDto {
  @ApiPropertyOptional() respondent?: string;
  @ApiPropertyOptional() areaCode?: string;
  @ApiPropertyOptional() categoryCode?: string;
  @ApiProperty() receivedFrom!: string;
  @ApiProperty() receivedTo!: string;
  @ApiProperty({ enum: ['complaint'] }) track!: 'complaint';
}

export class AlertDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: ['business', 'slice'], description: '经营者 / 区域×类别 / a business, or a category in an area' })
  subjectKind!: 'business' | 'slice';
  @ApiProperty() subjectName!: string;
  @ApiProperty() areaCode!: string;
  @ApiProperty({ nullable: true, type: String }) areaName!: string | null;
  @ApiProperty({ nullable: true, type: String }) categoryCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) creditCode!: string | null;
  @ApiProperty({ enum: ALERT_STATUSES }) status!: AlertStatus;
  @ApiProperty({ description: '首次触发日 / first fired on', format: 'date' }) firstDay!: string;
  @ApiProperty({ description: '最近一次触发日 / last fired on', format: 'date' }) lastDay!: string;
  @ApiProperty({ format: 'date' }) windowFrom!: string;
  @ApiProperty({ format: 'date' }) windowTo!: string;
  @ApiProperty({ type: AlertEvidenceDto }) evidence!: AlertEvidenceDto;
  @ApiProperty() score!: number;
  @ApiProperty({ type: [AlertUnitDto], description: '已通知的监管部门 / the bureaus told' }) units!: AlertUnitDto[];
  @ApiProperty({ description: '调用者可处置 / the caller may act on it' }) canAct!: boolean;
  @ApiProperty({ type: AlertCasesQueryDto }) cases!: AlertCasesQueryDto;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class AlertStatusCountsDto {
  @ApiProperty() new!: number;
  @ApiProperty() acknowledged!: number;
  @ApiProperty() acted!: number;
  @ApiProperty() dismissed!: number;
}

export class AlertPageDto {
  @ApiProperty({ type: [AlertDto] }) items!: AlertDto[];
  @ApiProperty({ nullable: true, type: String }) nextBefore!: string | null;
  @ApiProperty({ type: AlertStatusCountsDto, description: '各状态件数 / alerts per status' })
  counts!: AlertStatusCountsDto;
}

export class AlertEventDto {
  @ApiProperty({ format: 'date-time' }) at!: string;
  @ApiProperty({ enum: ['opened', 'updated', 'acknowledged', 'acted', 'dismissed'] }) type!: string;
  @ApiProperty({ nullable: true, type: String }) userName!: string | null;
  @ApiProperty({ nullable: true, type: String }) unitCode!: string | null;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    description:
      '触发时的证据，或处置结果（共同投诉编号、消费提示编号）/ the evidence when raised, or what was done (joint number, warning id)',
  })
  data!: Record<string, unknown>;
}

export class AlertHolderDto {
  @ApiProperty({ enum: ['station', 'regulator', 'business'], nullable: true, description: '未分派时为 null / null while unassigned' })
  type!: 'station' | 'regulator' | 'business' | null;
  @ApiProperty({ nullable: true, type: String }) code!: string | null;
  @ApiProperty({ nullable: true, type: String }) name!: string | null;
  @ApiProperty({ description: '该单位正在办理的本预警投诉件数 / the alert’s complaints it holds' }) complaints!: number;
}

export class AlertDetailDto extends AlertDto {
  @ApiProperty({ type: [AlertHolderDto], description: '涉及的单位：现由谁办理这些投诉 / the units involved: who holds the complaints now' })
  holders!: AlertHolderDto[];

  @ApiProperty({ type: [AlertEventDto], description: '处置记录 / the alert’s history' }) history!: AlertEventDto[];
}
