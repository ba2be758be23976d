import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { bilingual as t, WholeNumber } from '@weiquan/core';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { UNIT_CODE_PATTERN, USERNAME_PATTERN } from '../accounts/accounts.service';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../accounts/passwords';
import { STAFF_ROLES } from '../roles';
import type { StaffRole } from '../roles';
import { UnitRefDto } from './auth.dto';

const ROLE_TEXT = t(`应为 ${STAFF_ROLES.join('、')} 之一`, `must be one of ${STAFF_ROLES.join(', ')}`);
const UNIT_CODE_TEXT = t(
  '应为服务站或监管部门编码（如 ST-371502-001、MR-371502）',
  'must be a station or regulator code (e.g. ST-371502-001, MR-371502)',
);
const lower = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toLowerCase() : value);
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateUserDto {
  @ApiProperty({ example: 'zhang.san', description: '3–32 位小写字母、数字或 . _ -（大写会转为小写）/ lowercased' })
  @IsDefined(t('请填写用户名', 'username is required'))
  @IsString(t('应为文本', 'must be text'))
  @Transform(lower)
  @Matches(
    USERNAME_PATTERN,
    t(
      '应为 3–32 位小写字母、数字或 . _ -，以字母或数字开头',
      'must be 3–32 lowercase letters, digits or . _ -, starting with a letter or digit',
    ),
  )
  username: string;

  @ApiProperty({ example: '张三' })
  @IsDefined(t('请填写姓名', 'displayName is required'))
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(1, 50, t('应为 1–50 个字', 'must be 1–50 characters'))
  displayName: string;

  @ApiProperty({ enum: STAFF_ROLES })
  @IsDefined(t('请选择角色', 'role is required'))
  @IsIn(STAFF_ROLES, ROLE_TEXT)
  role: StaffRole;

  @ApiPropertyOptional({
    example: 'ST-371502-001',
    description: '服务站或监管部门编码；市级角色不填 / the station or regulator; none for city-level roles',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Matches(UNIT_CODE_PATTERN, UNIT_CODE_TEXT)
  unitCode?: string;

  @ApiPropertyOptional({
    description: `不填则生成随机密码并仅返回一次 / generated (and shown once) when omitted; ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`,
    format: 'password',
  })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(
    MIN_PASSWORD_LENGTH,
    MAX_PASSWORD_LENGTH,
    t(`密码应为 ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} 个字符`, `must be ${MIN_PASSWORD_LENGTH}–${MAX_PASSWORD_LENGTH} characters`),
  )
  password?: string;
}

export class UpdateUserDto {
  @ApiPropertyOptional({ example: '张三' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(1, 50, t('应为 1–50 个字', 'must be 1–50 characters'))
  displayName?: string;

  @ApiPropertyOptional({ enum: STAFF_ROLES, description: '更改角色会使该账号已有的令牌失效 / revokes its tokens' })
  @IsOptional()
  @IsIn(STAFF_ROLES, ROLE_TEXT)
  role?: StaffRole;

  @ApiPropertyOptional({ example: 'ST-371502-002', description: '更改单位会使该账号已有的令牌失效 / revokes its tokens' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Matches(UNIT_CODE_PATTERN, UNIT_CODE_TEXT)
  unitCode?: string;

  @ApiPropertyOptional({ description: '停用会使该账号已有的令牌立即失效 / disabling revokes its tokens at once' })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  disabled?: boolean;
}

export class ListUsersQueryDto {
  @ApiPropertyOptional({ enum: STAFF_ROLES })
  @IsOptional()
  @IsIn(STAFF_ROLES, ROLE_TEXT)
  role?: StaffRole;

  @ApiPropertyOptional({ example: 'ST-371502-001' })
  @IsOptional()
  @Matches(UNIT_CODE_PATTERN, UNIT_CODE_TEXT)
  unitCode?: string;

  @ApiPropertyOptional({ description: '上一页的 nextCursor / the previous page’s nextCursor' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, t('应为上一页返回的 nextCursor', 'must be a nextCursor from a previous page'))
  cursor?: string;

  @ApiPropertyOptional({ example: 100, minimum: 1, maximum: 500 })
  @IsOptional()
  @WholeNumber(1, 500)
  limit?: number;
}

export class StaffUserDto {
  @ApiProperty({ example: '12' }) id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty({ enum: STAFF_ROLES }) role: string;
  @ApiProperty({ type: UnitRefDto, nullable: true }) unit: UnitRefDto | null;
  @ApiProperty() disabled: boolean;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description:
      '登录失败过多，下次登录须等到 / after failed sign-ins, the next attempt waits until (an administrator’s password reset clears it)',
  })
  lockedUntil: Date | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastLoginAt: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) updatedAt: Date;
}

export class StaffUserPageDto {
  @ApiProperty({ type: [StaffUserDto] }) items: StaffUserDto[];
  @ApiProperty({ type: String, nullable: true, description: '下一页游标 / pass as ?cursor= for the next page' }) nextCursor: string | null;
}

export class CreatedUserDto {
  @ApiProperty({ type: StaffUserDto }) user: StaffUserDto;
  @ApiPropertyOptional({ description: '生成的密码，仅此一次显示 / the generated password, shown this once' }) password?: string;
}

export class PasswordResetDto {
  @ApiProperty({ type: StaffUserDto }) user: StaffUserDto;
  @ApiProperty({ description: '新密码，仅此一次显示 / the new password, shown this once' }) password: string;
}
