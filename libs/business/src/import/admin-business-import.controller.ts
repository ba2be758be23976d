import { Controller, HttpCode, Post, Query, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LocalizedException } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { BusinessImportQuery, BusinessImportResultDto } from './business-import.dto';
import { BusinessImportService } from './business-import.service';

const MAX_FILE_BYTES = 5 * 1024 * 1024;

const FORMAT = [
  'CSV（UTF-8，首行为列名，中文或英文）或 JSON（对象数组，或 {"businesses": [...]}）。列：',
  '统一社会信用代码 creditCode（必填，校验码须正确）、经营者名称 name（必填，2–100 字）、区县代码 areaCode（必填，本市区县）、',
  '场所编码 venueCode（须在该区县）、平台 platform（是/否，默认否）、联系电话 phone（≤30）、地址 address（≤200）。',
  '新信用代码登记，已登记的更新；不删除、不暂停任何经营者；文件未列出的列保留原值。',
  ' / CSV (UTF-8, a header row of Chinese or English column names) or JSON (an array, or {"businesses": [...]}) with',
  ' creditCode, name, areaCode, venueCode, platform, phone, address. New credit codes are enrolled, enrolled ones',
  ' updated; nothing is deleted or suspended; a column the file leaves out keeps its value.',
].join('');

/** Businesses enrolled for online dispute resolution, uploaded as a file by an administrator: all rows or none (as the CLI). */
@ApiTags('admin 管理')
@ApiBearerAuth()
@Controller('admin/businesses')
@Roles('admin')
export class AdminBusinessImportController {
  constructor(private readonly imports: BusinessImportService) {}

  @Post('import')
  @HttpCode(200)
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary', description: 'CSV 或 JSON' } } },
  })
  @ApiOperation({
    summary:
      '导入在线消费纠纷解决企业（CSV 或 JSON），全部成功或全部不导入 / import enrolled businesses; 422 lists every bad row with its line',
    description: FORMAT,
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_FILE_BYTES, files: 1, fields: 2 } }))
  @ApiOkResponse({ type: BusinessImportResultDto })
  @ApiErrors({
    400: `${ERRORS.validation}；或没有上传文件 / or no file uploaded`,
    401: ERRORS.unauthenticated,
    403: ERRORS.forbidden,
    413: '文件超过 5 MB / the file is over 5 MB',
    422: '文件有问题，未作任何改动：details 逐行列出（field 为 "line N 列名"）/ refused, nothing changed: details lists each problem with its line and field',
  })
  async import(
    @CurrentStaff() p: StaffPrincipal,
    @Query() q: BusinessImportQuery,
    @UploadedFile() file?: { originalname: string; buffer: Buffer },
  ): Promise<BusinessImportResultDto> {
    if (!file) throw new LocalizedException(400, { zh: '请上传经营者名单文件（字段名 file）', en: 'upload the list as the "file" field' });
    const report = await this.imports.importBusinesses({
      text: file.buffer.toString('utf8'),
      fileName: file.originalname,
      dryRun: q.dryRun,
      by: p.username,
    });
    if (!report.accepted) {
      throw new LocalizedException(
        422,
        {
          zh: `导入被拒绝，未作任何改动：${report.problems.length} 处问题`,
          en: `import refused, nothing changed: ${report.problems.length} problem(s)`,
        },
        report.problems.map((x) => ({
          field: x.line > 0 ? `line ${x.line}${x.field ? ` ${x.field}` : ''}` : (x.field ?? 'file'),
          message: { zh: x.message, en: x.messageEn },
        })),
      );
    }
    return { added: report.added, updated: report.updated, unchanged: report.unchanged, dryRun: report.dryRun };
  }
}
