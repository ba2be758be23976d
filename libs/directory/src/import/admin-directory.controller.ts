import { Controller, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import {
  ApiBearerAuth,
  ApiBody,
  ApiConsumes,
  ApiOkResponse,
  ApiOperation,
  ApiProperty,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { IsBoolean, IsDefined, IsIn, IsOptional } from 'class-validator';
import { Transform } from 'class-transformer';
import { bilingual, LocalizedException } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { Roles } from '@weiquan/identity';
import { ImportReportDto } from '../dto/import-report.dto';
import { DirectoryImportService } from './directory-import.service';

const t = bilingual;
const MAX_FILE_BYTES = 5 * 1024 * 1024;

export class ImportQuery {
  @ApiProperty({
    enum: ['replace', 'merge'],
    description:
      '必填。replace：文件即完整名单，未列出的站点停用；merge：仅新增和更新 / required: replace (the file is the whole list; stations not in it are deactivated) or merge (add and update only)',
  })
  @IsDefined(t('必须指定 mode：replace 或 merge', 'mode is required: replace or merge'))
  @IsIn(['replace', 'merge'], t('应为 replace 或 merge', 'must be replace or merge'))
  mode!: 'replace' | 'merge';

  @ApiPropertyOptional({ description: '只检查，不写入 / check only' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  dryRun?: boolean;
}

/** The bureau's station list, uploaded by an administrator: all rows applied, or none (as the CLI). */
@ApiTags('admin 管理')
@ApiBearerAuth()
@Controller('admin/directory')
@Roles('admin')
export class AdminDirectoryController {
  constructor(private readonly imports: DirectoryImportService) {}

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'CSV 或 JSON' } } },
  })
  @ApiOperation({
    summary: '导入服务站名单（CSV 或 JSON），全部成功或全部不导入 / import the station list; 422 lists every bad row with its line',
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2 } }))
  @ApiOkResponse({ type: ImportReportDto })
  @ApiErrors({
    400: `${ERRORS.validation}（含缺少 mode）；或没有上传文件 / (including a missing mode) or no file uploaded`,
    401: ERRORS.unauthenticated,
    403: ERRORS.forbidden,
    413: '文件超过 5 MB / the file is over 5 MB',
    422: '名单有问题，目录未作任何改动：details 逐行列出（field 为 "line N 列名"）/ refused, nothing changed: details lists each problem with its line',
  })
  async import(@Query() q: ImportQuery, @UploadedFile() file?: { originalname: string; buffer: Buffer }): Promise<ImportReportDto> {
    if (!file) throw new LocalizedException(400, { zh: '请上传名单文件（字段名 file）', en: 'upload the list as the "file" field' });
    const report = await this.imports.importStations({
      text: file.buffer.toString('utf8'),
      fileName: file.originalname,
      mode: q.mode,
      dryRun: q.dryRun,
    });
    if (!report.accepted) {
      throw new LocalizedException(
        422,
        {
          zh: `导入被拒绝，目录未作任何改动：${report.problems.length} 处问题`,
          en: `import refused, the directory is unchanged: ${report.problems.length} problem(s)`,
        },
        report.problems.map((p) => ({
          field: p.line > 0 ? `line ${p.line}${p.field ? ` ${p.field}` : ''}` : (p.field ?? 'file'),
          message: { zh: p.message, en: p.messageEn },
        })),
      );
    }
    return report;
  }
}
