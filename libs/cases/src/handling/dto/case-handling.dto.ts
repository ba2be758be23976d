import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsBoolean,
  IsDefined,
  IsIn,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  Validate,
  ValidatorConstraint,
} from 'class-validator';
import type { ValidatorConstraintInterface } from 'class-validator';
import { bilingual } from '@weiquan/core';
import { CASE_ACTIONS, REMEDIES } from '../../case-state';
import { OFFER_RESPONSES } from '../../offer.rules';
import type { OfferResponse } from '../../offer.rules';
import type { CaseAction, Remedy } from '../../case-state';
import { normaliseTrackingNo } from '../../tracking-number';

const t = bilingual;

/** A tracking number as people type it (spaces, dashes), with its check digit. */
@ValidatorConstraint({ name: 'trackingNo' })
class TrackingNo implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && value.length <= 40 && normaliseTrackingNo(value) !== null;
  }
}

/** An optional amount in yuan with at most two decimals, 0 to 100 million (converted to fen by the controller). */
function YuanAmount() {
  return applyDecorators(
    IsOptional(),
    IsNumber(
      { maxDecimalPlaces: 2, allowNaN: false, allowInfinity: false },
      t('应为金额（元），最多两位小数', 'must be an amount in yuan with at most two decimals'),
    ),
    Min(0, t('不能为负数', 'must not be negative')),
    Max(100_000_000, t('金额过大（上限 1 亿元）', 'too large (at most 100 million yuan)')),
  );
}

export class CaseActionDto {
  @ApiProperty({ enum: CASE_ACTIONS })
  @IsDefined(t('请指定操作', 'action is required'))
  @IsIn(CASE_ACTIONS, t(`操作应为：${CASE_ACTIONS.join('、')}`, `must be one of ${CASE_ACTIONS.join(', ')}`))
  action: CaseAction;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '不予受理、终止调解、不予立案的理由代码（见案件详情 reasonOptions）/ reason code; null is the same as absent',
    example: '3',
  })
  @IsOptional()
  @IsString(t('理由代码应为文本', 'must be text'))
  @Matches(/^\d{1,2}$/, t('理由代码应为 1–2 位数字', 'must be a 1–2 digit code'))
  reasonCode?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '说明 / note; null is the same as absent' })
  @IsOptional()
  @IsString(t('说明应为文本', 'must be text'))
  @MaxLength(2000, t('说明最多 2000 个字', 'at most 2000 characters'))
  note?: string | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description: '为消费者挽回的经济损失（元，最多两位小数）/ amount recovered for the consumer, yuan; null is the same as absent',
    example: 1280.5,
  })
  @YuanAmount()
  amountRecovered?: number | null;

  @ApiPropertyOptional({
    type: Boolean,
    nullable: true,
    description: '是否达成书面调解协议 / written agreement made; null is the same as absent',
  })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  agreement?: boolean | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      '合并处理（merge-into）：被并入的同一举报人就同一被举报人在先举报的查询编号（总局令第121号第三十五条）/ merge-into: the tracking number of the earlier report; null is the same as absent',
    example: '2611210012342',
  })
  @IsOptional()
  @IsString(t('查询编号应为文本', 'must be text'))
  @Validate(TrackingNo, t('不是有效的查询编号', 'not a valid tracking number'))
  mergeInto?: string | null;

  @ApiPropertyOptional({
    enum: REMEDIES,
    enumName: 'Remedy',
    nullable: true,
    description:
      '记录和解方案（record-offer）：经营者提出的方案：退款、换货、维修、赔偿、赔礼道歉、其他 / record-offer: the remedy the business offers; null is the same as absent',
  })
  @IsOptional()
  @IsIn(REMEDIES, t(`方案应为：${REMEDIES.join('、')}`, `must be one of ${REMEDIES.join(', ')}`))
  remedy?: Remedy | null;

  @ApiPropertyOptional({
    type: Number,
    nullable: true,
    description:
      '记录和解方案：经营者提出的金额（元，最多两位小数；退款、赔偿必填）/ record-offer: the amount offered, yuan (required for a refund or compensation)',
    example: 268.5,
  })
  @YuanAmount()
  amountOffered?: number | null;

  @ApiPropertyOptional({
    enum: OFFER_RESPONSES,
    enumName: 'OfferResponse',
    nullable: true,
    description:
      '经营者答复（record-offer，经营者必填）：全部同意（full）或部分同意（partial）；不同意用 settlement-failed 并附理由 / a business’s record-offer: agrees in full or in part (required from a business); it refuses with settlement-failed and its reason',
  })
  @IsOptional()
  @IsIn(OFFER_RESPONSES, t('应为 full（全部同意）或 partial（部分同意）', 'must be full or partial'))
  response?: OfferResponse | null;

  @ApiPropertyOptional({
    description:
      '仅用于转交经营者（refer-to-business）：确认的在线纠纷解决企业的统一社会信用代码。其他操作不支持：单位不能自行横向转办，退回后由分派规则重新分派 / refer-to-business only: the credit code of the enrolled business the station confirmed; otherwise refused (units never forward sideways: hand back and routing assigns again)',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  targetUnit?: string;
}
