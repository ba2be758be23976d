import { ApiProperty } from '@nestjs/swagger';

/** A text in both languages (the pages pick one). */
export class BilingualTextDto {
  @ApiProperty({ type: String }) zh: string;
  @ApiProperty({ type: String }) en: string;
}
