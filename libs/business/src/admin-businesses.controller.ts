import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { BusinessService } from './business.service';
import {
  BusinessDto,
  BusinessPageDto,
  BusinessUserDto,
  CreateBusinessUserDto,
  CreatedBusinessUserDto,
  EnrolBusinessDto,
  ListBusinessesQuery,
  UpdateBusinessDto,
} from './dto/business.dto';

const NOT_FOUND = '没有这个经营者，或不在调用者可管理的范围内 / no such business, or not one the caller may manage';
const SCOPE =
  '系统管理员：全部；区县市场监管局：本辖区；场所服务站管理员：本场所内经营者 / administrators: all; a county bureau: its area; a venue station administrator: its tenants';

/** Enrolment of businesses for online dispute resolution (ODR), and their users. */
@ApiTags('admin 管理')
@ApiBearerAuth()
@Controller('admin/businesses')
@Roles('admin', 'regulator-staff', 'station-admin')
@ApiErrors({ 401: ERRORS.unauthenticated, 403: `${ERRORS.forbidden}；${SCOPE}` })
export class AdminBusinessesController {
  constructor(private readonly businesses: BusinessService) {}

  @Get()
  @ApiOperation({ summary: '已登记的经营者 / enrolled businesses in the caller’s scope', description: SCOPE })
  @ApiOkResponse({ type: BusinessPageDto })
  @ApiErrors({ 400: ERRORS.validation })
  list(@CurrentStaff() p: StaffPrincipal, @Query() q: ListBusinessesQuery): Promise<BusinessPageDto> {
    return this.businesses.list(p, q);
  }

  @Post()
  @ApiOperation({
    summary: '登记在线纠纷解决企业 / enrol a business for online dispute resolution',
    description: `按统一社会信用代码登记；投诉该信用代码的协商和解案件由经营者自行处理。${SCOPE}`,
  })
  @ApiCreatedResponse({ type: BusinessDto })
  @ApiErrors({
    400: `${ERRORS.validation}；信用代码校验码错误、区县或场所不存在、场所不在该区县 / bad check character, unknown area or venue, venue not in the area`,
    409: '该信用代码已登记 / the credit code is enrolled already',
  })
  enrol(@CurrentStaff() p: StaffPrincipal, @Body() dto: EnrolBusinessDto): Promise<BusinessDto> {
    return this.businesses.enrol(p, dto);
  }

  @Get(':creditCode')
  @ApiOperation({ summary: '一个经营者 / one business' })
  @ApiOkResponse({ type: BusinessDto })
  @ApiErrors({ 404: NOT_FOUND })
  get(@CurrentStaff() p: StaffPrincipal, @Param('creditCode') creditCode: string): Promise<BusinessDto> {
    return this.businesses.get(p, creditCode);
  }

  @Patch(':creditCode')
  @ApiOperation({
    summary: '修改，或暂停 / 恢复在线纠纷解决 / correct it, or suspend / resume its ODR',
    description:
      '暂停后，新的协商和解投诉改由服务站或监管部门处理；已在处理的案件不受影响 / suspended: new settlement complaints go to a station or the regulator; cases it holds stay',
  })
  @ApiOkResponse({ type: BusinessDto })
  @ApiErrors({ 400: ERRORS.validation, 404: NOT_FOUND })
  update(@CurrentStaff() p: StaffPrincipal, @Param('creditCode') creditCode: string, @Body() dto: UpdateBusinessDto): Promise<BusinessDto> {
    return this.businesses.update(p, creditCode, dto);
  }

  @Get(':creditCode/users')
  @ApiOperation({ summary: '经营者的账号 / the business’s user accounts' })
  @ApiOkResponse({ type: [BusinessUserDto] })
  @ApiErrors({ 404: NOT_FOUND })
  users(@CurrentStaff() p: StaffPrincipal, @Param('creditCode') creditCode: string): Promise<BusinessUserDto[]> {
    return this.businesses.users(p, creditCode);
  }

  @Post(':creditCode/users')
  @ApiOperation({
    summary: '为经营者新建账号（角色 business）/ create a user of the business (role business)',
    description: '未给出密码时生成随机密码，仅在此答复中出现一次 / without a password one is generated and returned this once',
  })
  @ApiCreatedResponse({ type: CreatedBusinessUserDto })
  @ApiErrors({ 400: ERRORS.validation, 404: NOT_FOUND, 409: '用户名已存在 / the username is taken' })
  createUser(
    @CurrentStaff() p: StaffPrincipal,
    @Param('creditCode') creditCode: string,
    @Body() dto: CreateBusinessUserDto,
  ): Promise<CreatedBusinessUserDto> {
    return this.businesses.createUser(p, creditCode, dto);
  }
}
