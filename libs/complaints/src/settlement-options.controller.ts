import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, Matches } from 'class-validator';
import { bilingual } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { RoutingService } from '@weiquan/routing';
import { IsUscc } from './dto/create-complaint.dto';

const t = bilingual;

export class SettlementOptionsQueryDto {
  @ApiProperty({ example: 'clothing' })
  @IsDefined(t('请选择消费品类', 'categoryCode is required'))
  @IsString(t('应为文本', 'must be text'))
  @Matches(/^[a-z0-9-]{1,40}$/, t('不是有效的品类代码', 'is not a category code'))
  categoryCode: string;

  @ApiProperty({ example: '371502', description: '经营者所在县级区划代码 / the business’s county-level area' })
  @IsDefined(t('请选择经营者所在地', 'areaCode is required'))
  @Matches(/^\d{6}$/, t('区域代码应为 6 位数字', 'must be a 6-digit code'))
  areaCode: string;

  @ApiPropertyOptional({ example: 'V-371502-001', description: '经营者所在的商场、景区、市场等场所 / the venue it is in' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9-]{1,32}$/, t('不是有效的场所代码', 'is not a venue code'))
  venueCode?: string;

  @ApiPropertyOptional({ type: Boolean })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  online?: boolean;

  @ApiPropertyOptional({ example: '聊聊云购' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Matches(/^.{1,100}$/su, t('最多 100 个字', 'at most 100 characters'))
  platformName?: string;

  @ApiPropertyOptional({
    example: '91371502MA3C8X2Q13',
    description: '经营者的统一社会信用代码：已入驻的经营者直接协商 / enrolled businesses answer themselves',
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @IsUscc()
  creditCode?: string;
}

class HelperDto {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String, example: '金鼎购物中心消费维权服务站' }) name: string;
  @ApiProperty({ enum: ['station', 'business'] }) type: 'station' | 'business';
}

export class SettlementOptionsDto {
  @ApiProperty({
    type: Boolean,
    description: '现在有服务站或已入驻的经营者可以协商和解 / a station or the enrolled business can settle it now',
  })
  available: boolean;
  @ApiProperty({
    type: HelperDto,
    nullable: true,
    description:
      '会处理的服务站，或直接协商的已入驻经营者（预估，以分派结果为准）/ the station that would help, or the enrolled business itself (an estimate)',
  })
  helper: HelperDto | null;
  @ApiProperty({ enum: ['settlement', 'formal'], description: '推荐的途径 / the recommended path' }) recommended: 'settlement' | 'formal';
  @ApiProperty({ type: Number, description: '协商期限（工作日，市政策）/ the settlement period, working days (city policy)' })
  settlementDays: number;
}

/**
 * What the filing page asks before the consumer chooses a path: can a station help settle this?
 * Registered before ComplaintsController, whose `GET :trackingNo` would otherwise take the path.
 */
@ApiTags('complaints 投诉举报（消费者）')
@Controller('complaints')
export class SettlementOptionsController {
  constructor(private readonly routing: RoutingService) {}

  @Get('settlement-options')
  @ApiOperation({
    summary: '可否先行和解 / whether a station can help settle this dispute (for choosing the path)',
    description:
      '按分派规则预估：经营者所在场所或所在区县有受理该品类且有余量的服务站时推荐先行和解，否则直接投诉 / estimated with the routing rules: settlement is recommended where a station of the venue or area covers the category and has room',
  })
  @ApiOkResponse({ type: SettlementOptionsDto })
  @ApiErrors({ 400: ERRORS.validation })
  options(@Query() q: SettlementOptionsQueryDto): Promise<SettlementOptionsDto> {
    return this.routing.settlementOptions(q);
  }
}
