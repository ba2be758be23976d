import { ApiProperty } from '@nestjs/swagger';
import { IsDefined, IsIn, IsISO8601 } from 'class-validator';
import { bilingual } from '@weiquan/core';
import { CreateComplaintDto } from './create-complaint.dto';

const t = bilingual;

export const STAFF_CHANNELS = ['phone', 'letter', 'counter'] as const;

/** A complaint or report received by phone, letter or at a counter (Art. 8), entered by staff. */
export class StaffIntakeDto extends CreateComplaintDto {
  @ApiProperty({ enum: STAFF_CHANNELS, description: '接收渠道：电话、信函、窗口 / phone, letter or counter' })
  @IsDefined(t('请选择接收渠道', 'intakeChannel is required'))
  @IsIn(STAFF_CHANNELS, t('接收渠道应为 phone（电话）、letter（信函）或 counter（窗口）', 'must be phone, letter or counter'))
  intakeChannel: (typeof STAFF_CHANNELS)[number];

  @ApiProperty({
    example: '2026-11-20T09:30:00+08:00',
    description: '实际收到的时间，期限自此起算 / when it was actually received; deadlines count from it',
  })
  @IsDefined(t('请填写实际收到的时间', 'receivedAt is required'))
  @IsISO8601(
    { strict: true },
    t('应为带时区的 ISO 8601 时间，如 2026-11-20T09:30:00+08:00', 'must be an ISO 8601 time with offset, e.g. 2026-11-20T09:30:00+08:00'),
  )
  receivedAt: string;
}
