import { bilingual } from '@weiquan/core';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { IsMainlandMobile } from './create-complaint.dto';

const t = bilingual;

export class WithdrawDto {
  @ApiPropertyOptional({ example: '已与商家自行和解' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 500, t('撤回原因最多 500 个字', 'must be at most 500 characters'))
  reason?: string;
}

export class EscalateDto {
  @ApiPropertyOptional({ example: '商家只同意退一半，我不接受' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 500, t('原因最多 500 个字', 'must be at most 500 characters'))
  reason?: string;
}

export class NotDeliveredDto {
  @ApiProperty({ example: '商家答应 3 日内退款 100 元，至今未退' })
  @IsDefined(t('请说明经营者未履行的情况', 'reason is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(2, 500, t('应为 2–500 个字', 'must be 2–500 characters'))
  reason: string;
}

/** The multipart fields beside the files of `POST /complaints/{trackingNo}/attachments`. */
export class AttachmentFieldsDto {
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description: '是否允许被投诉经营者查看这些文件（默认否）/ whether the business complained about may see these files (default no)',
  })
  @IsOptional()
  @IsIn(['true', 'false'], t('应为 true 或 false', 'must be true or false'))
  shareWithBusiness?: 'true' | 'false';
}

export class SupplementDto {
  @ApiProperty({ example: '补充：商家答应三日内退款但未履行。' })
  @IsDefined(t('请填写补充内容', 'text is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(2, 2000, t('补充内容应为 2–2000 个字', 'must be 2–2000 characters'))
  text: string;
}

/** `POST /complaints/{trackingNo}/access-code`: the phone given when the case was filed. */
export class RecoverAccessCodeDto {
  @ApiProperty({ example: '13800138000', description: '提交时登记的手机号 / the mobile number given when filing' })
  @IsDefined(t('请填写提交时登记的手机号', 'phone is required'))
  @IsString(t('手机号应为文本', 'must be text'))
  @IsMainlandMobile()
  phone: string;
}

export const RATINGS = ['satisfied', 'basically', 'dissatisfied'] as const;

export class RatingDto {
  @ApiProperty({ enum: RATINGS, description: '满意 / 基本满意 / 不满意' })
  @IsDefined(t('请选择评价', 'rating is required'))
  @IsIn(
    RATINGS,
    t('应为 satisfied（满意）、basically（基本满意）或 dissatisfied（不满意）', 'must be satisfied, basically or dissatisfied'),
  )
  rating: (typeof RATINGS)[number];

  @ApiPropertyOptional({ example: '处理及时，感谢！' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 500, t('评价内容最多 500 个字', 'must be at most 500 characters'))
  comment?: string;
}
