import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { bilingual as t } from '@weiquan/core';
import { IsDefined, IsString, Length } from 'class-validator';
import { STAFF_ROLES } from '../roles';

export class LoginDto {
  @ApiProperty({ example: 'demo-station-staff' })
  @IsDefined(t('请填写用户名', 'username is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 64, t('应为 1–64 个字符', 'must be 1–64 characters'))
  username: string;

  @ApiProperty({ example: '••••••••••••', format: 'password' })
  @IsDefined(t('请填写密码', 'password is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 256, t('应为 1–256 个字符', 'must be 1–256 characters'))
  password: string;
}

export class UnitRefDto {
  @ApiProperty({ enum: ['station', 'regulator', 'business'] }) type: string;
  @ApiProperty({ example: 'ST-371502-001' }) code: string;
  @ApiProperty({ example: '金鼎购物中心消费维权服务站' }) name: string;
}

export class LoginUserDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty({ example: 'demo-station-staff' }) username: string;
  @ApiProperty({ example: '张三' }) displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: string;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
}

export class LoginResponseDto {
  @ApiProperty({ description: 'HS256 JWT; send as `Authorization: Bearer <accessToken>`' }) accessToken: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: string;
  @ApiProperty({ example: 900, description: '有效秒数 / seconds until it expires (TOKEN_TTL_SECONDS)' }) expiresIn: number;
  @ApiProperty({ type: LoginUserDto }) user: LoginUserDto;
}

export class PrincipalUnitDto extends UnitRefDto {
  @ApiProperty({ type: String, nullable: true, example: '371502' }) areaCode: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'V-371502-001',
    description: '服务站或经营者所在场所 / the venue of a station or a business',
  })
  venueCode?: string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['market', 'sector'], description: '仅监管部门 / regulators only' }) kind:
    string | null;
  @ApiProperty({ type: String, nullable: true, enum: ['city', 'county', 'province'], description: '仅监管部门 / regulators only' }) level:
    string | null;
}

export class PrincipalDto {
  @ApiProperty() userId: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: string;
  @ApiProperty({ type: PrincipalUnitDto, nullable: true }) unit: PrincipalUnitDto | null;
}

export class ChangePasswordDto {
  @ApiProperty({ example: '••••••••••••', format: 'password', description: '当前密码 / the current password' })
  @IsDefined(t('请填写当前密码', 'currentPassword is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 256, t('应为 1–256 个字符', 'must be 1–256 characters'))
  currentPassword: string;

  @ApiProperty({
    example: '••••••••••••',
    format: 'password',
    description:
      '新密码：12–128 个字符，不含用户名，不能太容易猜中（zxcvbn 评分 ≥ 3），无字符种类要求 / the new password: 12–128 characters, not containing the username, not easily guessed (zxcvbn score ≥ 3); no composition rules',
  })
  @IsDefined(t('请填写新密码', 'newPassword is required'))
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 256, t('应为 1–256 个字符', 'must be 1–256 characters'))
  newPassword: string;
}
