import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

/** One problem found in an imported station list (station-import.types.ts). */
export class ImportProblemDto {
  @ApiProperty({ type: Number, example: 12, description: '从 1 起的行号；0 表示整个文件 / 1-based line, 0 for the whole file' })
  line: number;
  @ApiPropertyOptional({ type: String, example: 'areaCode' }) field?: string;
  @ApiProperty({
    enum: [
      'syntax',
      'empty-file',
      'missing',
      'unknown-column',
      'invalid',
      'duplicate-code',
      'unknown-area',
      'unknown-type',
      'unknown-category',
      'unknown-venue',
      'venue-area-mismatch',
      'bad-coordinates',
    ],
  })
  code: string;
  @ApiProperty({ type: String }) message: string;
  @ApiProperty({ type: String }) messageEn: string;
}

/** What an accepted import did (directory-import.service.ts); a refused one answers 422 instead. */
export class ImportReportDto {
  @ApiProperty({
    type: Boolean,
    enum: [true],
    description: '成功时总为 true；被拒绝时答复 422 / always true here: a refused import answers 422',
  })
  accepted: boolean;
  @ApiProperty({ enum: ['replace', 'merge'] }) mode: string;
  @ApiProperty({ type: Boolean, description: '只检查、未写入 / checked only, nothing written' }) dryRun: boolean;
  @ApiProperty({ type: Number, example: 191, description: '文件中的站点行数 / station rows in the file' }) rows: number;
  @ApiProperty({ type: Number }) created: number;
  @ApiProperty({ type: Number }) updated: number;
  @ApiProperty({ type: Number, description: 'replace：未列出而停用的站点 / stations deactivated for not being listed' })
  deactivated: number;
  @ApiProperty({ type: Number }) venuesCreated: number;
  @ApiProperty({ type: [ImportProblemDto], description: '成功时为空 / empty when accepted' }) problems: ImportProblemDto[];
}
