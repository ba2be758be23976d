import { ApiProperty } from '@nestjs/swagger';
import { OFFER_RESPONSES, REMEDIES } from '../../offer.rules';

/** The settlement stage and the escalation on the case file (GET /cases/{id}). */

class StaffOfferDto {
  @ApiProperty({ enum: REMEDIES, enumName: 'Remedy' }) remedy: string;
  @ApiProperty({ type: String, nullable: true, example: '268.50', description: '元，两位小数 / yuan, two decimals' }) amount: string | null;
  @ApiProperty({ type: String }) message: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
  @ApiProperty({
    enum: OFFER_RESPONSES,
    enumName: 'OfferResponse',
    nullable: true,
    description: '经营者自行答复时：全部同意 / 部分同意 / a business’s own answer: agrees in full or in part',
  })
  response: string | null;
}

/** An enrolled business that may be the respondent named without a credit code: the station confirms it (refer-to-business). */
class BusinessMatchDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '名称完全一致 / the same name' }) exact: boolean;
}

export class CaseSettlementDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '接手期限（市政策）/ take-up deadline (city policy)' })
  takeUpDue: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '协商期限（市政策）/ outcome deadline (city policy)' })
  dueDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) takenUpAt: Date | null;
  @ApiProperty({ type: StaffOfferDto, nullable: true }) offer: StaffOfferDto | null;
  @ApiProperty({
    type: [BusinessMatchDto],
    description:
      '被投诉人只有名称时，可能是的在线纠纷解决企业（"可能是某某有限公司（已入驻）"），由服务站确认后转交 / enrolled businesses the name-only respondent may be: the station confirms one with refer-to-business',
  })
  businessMatches: BusinessMatchDto[];
}

export class CaseEscalationDto {
  @ApiProperty({ type: String, format: 'date', description: '监管部门收到之日 / the day the department received it' }) on: string;
  @ApiProperty({ type: String, example: 'offer-rejected' }) cause: string;
}
