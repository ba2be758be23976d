import { ApiProperty } from '@nestjs/swagger';
import { REMEDIES } from '../../offer.rules';

/** The settlement stage and the escalation on the case file (GET /cases/{id}). */

class StaffOfferDto {
  @ApiProperty({ enum: REMEDIES, enumName: 'Remedy' }) remedy: string;
  @ApiProperty({ type: String, nullable: true, example: '268.50', description: '元，两位小数 / yuan, two decimals' }) amount: string | null;
  @ApiProperty({ type: String }) message: string;
  @ApiProperty({ type: String, format: 'date-time' }) at: string;
}

export class CaseSettlementDto {
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '接手期限（市政策）/ take-up deadline (city policy)' })
  takeUpDue: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '协商期限（市政策）/ outcome deadline (city policy)' })
  dueDate: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) takenUpAt: Date | null;
  @ApiProperty({ type: StaffOfferDto, nullable: true }) offer: StaffOfferDto | null;
}

export class CaseEscalationDto {
  @ApiProperty({ type: String, format: 'date', description: '监管部门收到之日 / the day the department received it' }) on: string;
  @ApiProperty({ type: String, example: 'offer-rejected' }) cause: string;
}
