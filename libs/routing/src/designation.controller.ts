import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsDefined, IsString, Length } from 'class-validator';
import { bilingual, LocalizedException } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { RoutingService } from './routing.service';

const t = bilingual;

export class DesignationDto {
  @ApiProperty({
    type: String,
    example: 'MR-371502',
    description:
      '指定的处理部门：监管部门编码（服务站不具有处理职权；不能是已退回的部门）/ the department designated (a regulator; never a station, never one that handed the case back)',
  })
  @IsDefined(t('请填写指定的处理单位', 'unitCode is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(2, 40, t('应为 2–40 个字符', 'must be 2–40 characters'))
  unitCode: string;

  @ApiProperty({ type: String, example: '经协调，由东昌府区市场监督管理局处理', description: '指定理由 / why this unit' })
  @IsDefined(t('请填写指定理由', 'note is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(2, 2000, t('应为 2–2000 个字符', 'must be 2–2000 characters'))
  note: string;
}

class DesignatedUnitDto {
  @ApiProperty({ enum: ['station', 'regulator'] }) type: 'station' | 'regulator';
  @ApiProperty({ type: String, example: 'MR-371502' }) code: string;
  @ApiProperty({ type: String, example: '东昌府区市场监督管理局' }) name: string;
}

export class DesignationResultDto {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: Number, description: '指定所在的分派轮次 / the routing round of the designation' }) routingRound: number;
  @ApiProperty({ type: DesignatedUnitDto }) assignee: DesignatedUnitDto;
}

@ApiTags('cases 案件办理（工作人员）')
@ApiBearerAuth()
@Controller('cases')
@Roles('regulator-staff')
export class DesignationController {
  constructor(private readonly routing: RoutingService) {}

  @Post(':id/designation')
  @HttpCode(200)
  @ApiOperation({
    summary:
      '市局指定处理机关（管辖争议或无可分派单位；指定为最终决定，承办单位不得退回）/ the city bureau designates the handler of a disputed case; final',
  })
  @ApiOkResponse({ type: DesignationResultDto })
  @ApiErrors({
    400: `${ERRORS.validation}；或该单位不能处理此案件、已退回过此案件 / or the unit cannot take the case, or handed it back`,
    401: ERRORS.unauthenticated,
    403: '只有市市场监督管理局的工作人员可以指定 / only the city bureau designates',
    404: '没有这个案件，或案件不在市局 / no such case, or not with the city bureau',
    409: '案件不在等待指定的状态 / the case is not waiting for a designation',
  })
  async designate(
    @CurrentStaff() staff: StaffPrincipal,
    @Param('id') id: string,
    @Body() dto: DesignationDto,
  ): Promise<DesignationResultDto> {
    if (!/^\d{1,18}$/.test(id)) throw new LocalizedException(404, { zh: '未找到该案件', en: 'no such case' });
    const done = await this.routing.designate(
      { userId: staff.userId, unitCode: staff.unit?.code ?? null },
      id,
      dto.unitCode,
      dto.note.trim(),
    );
    return { id: done.id, routingRound: done.round, assignee: done.assignee };
  }
}
