import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, MaxLength } from 'class-validator';
import { bilingual as t } from './validation';
import { WholeNumber } from './whole-number.decorator';

/** Keyset paging for every list: `cursor` is the previous page's `nextCursor`, `limit` 1–100. */
export class PageQuery {
  @ApiPropertyOptional({ description: "上一页返回的 nextCursor / the previous page's nextCursor" })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(64, t('cursor 无效', 'invalid cursor'))
  cursor?: string;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @WholeNumber(1, 100)
  limit?: number;
}
