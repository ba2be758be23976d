import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { DirectoryService } from './directory.service';
import { AreaDto, CategoryDto, RegulatorDto, StationDto, StationQueryDto } from './dto/directory.dto';

@ApiTags('directory 目录')
@Controller('directory')
export class DirectoryController {
  constructor(private readonly directory: DirectoryService) {}

  @Get('areas')
  @ApiOperation({ summary: '县级区域 / county-level areas' })
  @ApiOkResponse({ type: [AreaDto] })
  areas(): Promise<AreaDto[]> {
    return this.directory.areas();
  }

  @Get('categories')
  @ApiOperation({ summary: '消费品类及主管部门 / categories and the regulator that owns each' })
  @ApiOkResponse({ type: [CategoryDto] })
  categories(): Promise<CategoryDto[]> {
    return this.directory.categories();
  }

  @Get('regulators')
  @ApiOperation({ summary: '市场监管部门与行业监管部门 / market and sector regulators' })
  @ApiOkResponse({ type: [RegulatorDto] })
  regulators(): Promise<RegulatorDto[]> {
    return this.directory.regulators();
  }

  @Get('stations')
  @ApiOperation({ summary: '消费维权服务站 / rights-protection stations' })
  @ApiOkResponse({ type: [StationDto] })
  @ApiErrors({ 400: ERRORS.validation })
  stations(@Query() query: StationQueryDto): Promise<StationDto[]> {
    const active = query.active === 'all' ? undefined : query.active !== 'false';
    return this.directory.stations({ areaCode: query.areaCode, type: query.type, categoryCode: query.categoryCode, active });
  }
}
