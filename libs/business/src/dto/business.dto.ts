import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, Length, Matches } from 'class-validator';
import { bilingual as t, PageQuery } from '@weiquan/core';
import { IsUscc } from '@weiquan/complaints/dto/create-complaint.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const upper = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim().toUpperCase() : value);
const AREA = /^\d{6}$/;

/** `POST /admin/businesses`: enrol a business for online dispute resolution. */
export class EnrolBusinessDto {
  @ApiProperty({ example: '91371502MA3C8X2Q13', description: '统一社会信用代码 (GB 32100)，校验码须正确 / with a correct check character' })
  @IsDefined(t('请填写统一社会信用代码', 'creditCode is required'))
  @Transform(upper)
  @IsString(t('应为文本', 'must be text'))
  @IsUscc()
  creditCode: string;

  @ApiProperty({ example: '聊城市某某餐饮有限公司' })
  @IsDefined(t('请填写经营者名称', 'name is required'))
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(2, 100, t('应为 2–100 个字', 'must be 2–100 characters'))
  name: string;

  @ApiProperty({ example: '371502', description: '经营者所在区县（或开发区）编码 / the county-level area' })
  @IsDefined(t('请选择所在区县', 'areaCode is required'))
  @IsString(t('应为文本', 'must be text'))
  @Matches(AREA, t('应为本市区县编码', 'must be an area code of the city'))
  areaCode: string;

  @ApiPropertyOptional({ example: 'V-371502-MALL-01', description: '所在场所（商场、市场、景区、平台）/ the venue it trades in' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 32, t('应为 1–32 个字符', 'must be 1–32 characters'))
  venueCode?: string;

  @ApiPropertyOptional({ description: '是否为电子商务平台经营者 / whether it is an e-commerce platform', default: false })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  platform?: boolean;

  @ApiPropertyOptional({ example: '13906358888', description: '联系电话（手机或座机）/ phone (mobile or landline)' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(0, 30, t('不超过 30 个字符', 'at most 30 characters'))
  phone?: string;

  @ApiPropertyOptional({ example: '山东省聊城市东昌府区东昌路 88 号' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(0, 200, t('不超过 200 个字', 'at most 200 characters'))
  address?: string;
}

/** `PATCH /admin/businesses/{creditCode}`: correct the record, or suspend / resume its online dispute resolution. */
export class UpdateBusinessDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(2, 100, t('应为 2–100 个字', 'must be 2–100 characters'))
  name?: string;

  @ApiPropertyOptional({ nullable: true, type: String, description: 'null：不在任何场所 / null: in no venue' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  venueCode?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  platform?: boolean;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(0, 30, t('不超过 30 个字符', 'at most 30 characters'))
  phone?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(0, 200, t('不超过 200 个字', 'at most 200 characters'))
  address?: string | null;

  @ApiPropertyOptional({
    description:
      'true：暂停在线纠纷解决（须填 suspendedReason），新投诉改由服务站或监管部门处理；false：恢复 / true suspends ODR (with suspendedReason): new complaints go to a station or the regulator; false resumes it',
  })
  @IsOptional()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  suspended?: boolean;

  @ApiPropertyOptional({ example: '多次逾期未答复' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Transform(trim)
  @Length(1, 200, t('应为 1–200 个字', 'must be 1–200 characters'))
  suspendedReason?: string;
}

export class ListBusinessesQuery extends PageQuery {
  @ApiPropertyOptional({ description: '名称的一部分或完整信用代码 / part of the name, or the whole credit code' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 100, t('应为 1–100 个字', 'must be 1–100 characters'))
  q?: string;
}

/** `POST /admin/businesses/{creditCode}/users`: a user of the business (role `business`). */
export class CreateBusinessUserDto {
  @ApiProperty({ example: 'moumou.canyin' })
  @IsDefined(t('请填写用户名', 'username is required'))
  @IsString(t('应为文本', 'must be text'))
  username: string;

  @ApiProperty({ example: '李经理' })
  @IsDefined(t('请填写姓名', 'displayName is required'))
  @IsString(t('应为文本', 'must be text'))
  displayName: string;

  @ApiPropertyOptional({ format: 'password', description: '不填则生成随机密码并仅返回一次 / generated (and shown once) when omitted' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  password?: string;
}

export class BusinessDto {
  @ApiProperty() creditCode: string;
  @ApiProperty() name: string;
  @ApiProperty() areaCode: string;
  @ApiProperty() areaName: string;
  @ApiProperty({ nullable: true, type: String }) venueCode: string | null;
  @ApiProperty({ nullable: true, type: String }) venueName: string | null;
  @ApiProperty() platform: boolean;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty({ nullable: true, type: String }) address: string | null;
  @ApiProperty({ description: '在线纠纷解决是否在用（未暂停）/ online dispute resolution active (not suspended)' }) odrActive: boolean;
  @ApiProperty({ nullable: true, type: String, format: 'date-time' }) suspendedAt: string | null;
  @ApiProperty({ nullable: true, type: String }) suspendedReason: string | null;
  @ApiProperty({ nullable: true, type: String, description: '经营者的公开声明 / its public statement' }) statement: string | null;
  @ApiProperty({ description: '在用的经营者账号数 / active user accounts' }) users: number;
  @ApiProperty({ type: String, format: 'date-time' }) enrolledAt: string;
  @ApiProperty() enrolledBy: string;
}

export class BusinessPageDto {
  @ApiProperty({ type: [BusinessDto] }) items: BusinessDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class BusinessUserDto {
  @ApiProperty() id: string;
  @ApiProperty() username: string;
  @ApiProperty() displayName: string;
  @ApiProperty() disabled: boolean;
}

export class CreatedBusinessUserDto {
  @ApiProperty({ type: BusinessUserDto }) user: BusinessUserDto;
  @ApiPropertyOptional({ description: '生成的密码，仅此一次 / the generated password, shown this once' }) password?: string;
}
