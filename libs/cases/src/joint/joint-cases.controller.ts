import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CITY_ROLES, CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { CreateJointCaseDto, JointCaseDto, jointCaseInput } from './dto/joint-case.dto';
import { JointCasesService } from './joint-cases.service';

@ApiTags('joint-cases 共同投诉')
@ApiBearerAuth()
@Controller('joint-cases')
@Roles(...CITY_ROLES)
@ApiErrors({ 401: ERRORS.unauthenticated })
export class JointCasesController {
  constructor(private readonly joint: JointCasesService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      '按共同投诉处理（《市场监督管理投诉举报处理办法》第十二条）：同一经营者、经投诉人同意的 2 件以上投诉 / handle two or more complaints against one business, with their complainants’ consent, as a joint complaint (Order 121 Art. 12)',
  })
  @ApiCreatedResponse({ type: JointCaseDto })
  @ApiErrors({
    400: '少于 2 件、含举报、被投诉人不同、未记录同意（或电话、当面同意未写明）、代表人超过 2 名或不是成员；details 指出字段 / fewer than 2, a report, another respondent, consent not recorded (or no note for phone or in-person consent), more than 2 representatives or one not a member; details names the field',
    403: '不是有管辖权的市场监督管理部门（被投诉人所在地县级局或市局）的工作人员 / not staff of a market regulator with jurisdiction (the respondent’s county bureau or the city bureau)',
    409: '有投诉已办结、调解已结束或已在其他共同投诉中（逐件列出）/ a complaint is finished, its mediation ended, or it is already in a joint complaint (each one named)',
  })
  create(@CurrentStaff() staff: StaffPrincipal, @Body() dto: CreateJointCaseDto): Promise<JointCaseDto> {
    return this.joint.create(staff, jointCaseInput(dto));
  }

  @Get(':id')
  @ApiOperation({ summary: '共同投诉及其成员 / a joint complaint and its members' })
  @ApiOkResponse({ type: JointCaseDto })
  @ApiErrors({ 404: '没有该共同投诉，或调用者无权查阅 / no such joint complaint, or not one the caller may read' })
  get(@CurrentStaff() staff: StaffPrincipal, @Param('id') id: string): Promise<JointCaseDto> {
    return this.joint.get(staff, id);
  }
}
