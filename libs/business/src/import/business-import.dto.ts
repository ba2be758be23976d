import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { bilingual as t } from '@weiquan/core';

/** `POST /admin/businesses/import?dryRun=`. */
export class BusinessImportQuery {
  @ApiPropertyOptional({ type: Boolean, default: false, description: '只检查并计数，不写入 / check and count only, write nothing' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  dryRun?: boolean;
}

/** What an accepted import did (or, in a dry run, would do); a refused one answers 422 instead. */
export class BusinessImportResultDto {
  @ApiProperty({ type: Number, example: 12, description: '新登记的经营者 / businesses enrolled (credit codes new to the system)' })
  added: number;

  @ApiProperty({ type: Number, example: 3, description: '已登记且有改动的经营者 / enrolled businesses the file changed' })
  updated: number;

  @ApiProperty({ type: Number, example: 0, description: '已登记且与文件一致的经营者 / enrolled businesses the file lists as they are' })
  unchanged: number;

  @ApiProperty({ type: Boolean, description: '只检查、未写入 / checked only, nothing written' })
  dryRun: boolean;
}
