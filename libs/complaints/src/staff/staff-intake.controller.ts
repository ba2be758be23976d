import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LocalizedException } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { RoutingService } from '@weiquan/routing';
import { NotAComplaintErrorDto, SubmissionAnswerDto } from '../dto/consumer-answers.dto';
import { StaffIntakeDto } from '../dto/staff-intake.dto';
import { IntakeService } from '../intake/intake.service';
import { NotAComplaintGuard } from '../intake/not-a-complaint.guard';

/** A letter may be entered some days after it arrived, but not months: older is almost surely a typo. */
const MAX_BACKDATE_DAYS = 60;

@ApiTags('cases 案件办理（工作人员）')
@ApiBearerAuth()
@Controller('cases/intake')
@Roles('station-staff', 'station-admin', 'regulator-staff')
export class StaffIntakeController {
  constructor(
    private readonly intake: IntakeService,
    private readonly routing: RoutingService,
  ) {}

  @Post()
  @ApiOperation({ summary: '登记电话、信函、窗口收到的投诉举报 / record a complaint received by phone, letter or at a counter' })
  @ApiCreatedResponse({
    type: SubmissionAnswerDto,
    description: '同网上提交的答复：查询编号与查询码，请告知投诉人 / as online: tell the consumer the tracking number and access code',
  })
  @ApiErrors({
    400: `${ERRORS.validation}；receivedAt 不能早于 60 天前或晚于现在 / receivedAt within the last 60 days and not in the future`,
    401: ERRORS.unauthenticated,
    403: ERRORS.forbidden,
    413: '请求体超过 256 KB / the body is over 256 kB',
    422: {
      description:
        'kind 为咨询、政府信息公开申请、行政复议申请或纪检监察检举控告：不属于投诉举报，message 说明应向何处提出，不登记案件（第121号令第四十四条）/ not a complaint or report (Order 121 Art. 44): where it goes; no case is made',
      type: NotAComplaintErrorDto,
    },
  })
  @UseGuards(NotAComplaintGuard)
  async submit(@CurrentStaff() staff: StaffPrincipal, @Body() dto: StaffIntakeDto): Promise<SubmissionAnswerDto> {
    const { intakeChannel, receivedAt, ...complaint } = dto;
    const at = new Date(receivedAt);
    if (Date.now() - at.getTime() > MAX_BACKDATE_DAYS * 86_400_000) {
      throw new LocalizedException(
        400,
        { zh: `实际收到时间不能早于 ${MAX_BACKDATE_DAYS} 天前`, en: `receivedAt must be within the last ${MAX_BACKDATE_DAYS} days` },
        [
          {
            field: 'receivedAt',
            message: { zh: `不能早于 ${MAX_BACKDATE_DAYS} 天前`, en: `must be within the last ${MAX_BACKDATE_DAYS} days` },
          },
        ],
      );
    }
    const answer = await this.intake.submit(complaint, { channel: intakeChannel, receivedAt: at, enteredBy: staff.userId });
    // The unit that took it is recorded; a counter filing stays with the station that took it
    // (docs/RULES.md "Jurisdiction and routing"), so it is routed now rather than by the worker.
    if (staff.unit)
      await this.routing.takenBy(
        answer.cases.map((c) => c.trackingNo),
        staff.unit.code,
      );
    return answer;
  }
}
