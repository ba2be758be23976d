import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { bilingual } from '@weiquan/core';
import { CASE_STATUSES } from '../../case-status';
import { TRACKING_NO } from '../../handling/dto/case-queue.dto';
import type { CaseStatus } from '../../case-status';
import { CONSENT_METHODS, MAX_MEMBERS } from '../joint-case.rules';
import type { CreateJointCase } from '../joint-cases.service';
import type { ConsentMethod } from '../joint-case.rules';

/**
 * The joint complaint's request and answers (Order 121 Art. 12): what POST /joint-cases takes and
 * what it and GET /joint-cases/{id} answer; the case file's `jointCase`.
 */

const t = bilingual;
const CASE_ID = /^\d{1,18}$/;
const JOINT_NO = 'GT2612040000176';

export class JointMemberInputDto {
  @ApiProperty({ type: String, example: '1025', description: '投诉案件 id / the complaint case id' })
  @IsDefined(t('请指定案件', 'caseId is required'))
  @IsString(t('案件 id 应为文本', 'must be text'))
  @Matches(CASE_ID, t('案件 id 应为数字', 'must be a case id (digits)'))
  caseId: string;

  @ApiPropertyOptional({
    enum: CONSENT_METHODS,
    nullable: true,
    description:
      '投诉人同意按共同投诉处理的方式；未记录同意的投诉不能加入 / how the complainant consented; a member without recorded consent is refused',
  })
  @IsOptional()
  @IsIn(CONSENT_METHODS, t(`同意方式应为：${CONSENT_METHODS.join('、')}`, `must be one of ${CONSENT_METHODS.join(', ')}`))
  consentMethod?: ConsentMethod | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: '电话、当面同意的须写明由谁、何时同意 / required for phone and in-person consent: who consented, when',
  })
  @IsOptional()
  @IsString(t('说明应为文本', 'must be text'))
  @MaxLength(500, t('说明最多 500 个字', 'at most 500 characters'))
  consentNote?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '2026-12-03T15:20:00+08:00',
    description: '同意的时间，默认记录之时 / when consent was given; now when absent',
  })
  @IsOptional()
  @IsISO8601(
    { strict: true },
    t('应为带时区的 ISO 8601 时间，如 2026-12-03T15:20:00+08:00', 'must be an ISO 8601 time with offset, e.g. 2026-12-03T15:20:00+08:00'),
  )
  consentAt?: string | null;
}

export class CreateJointCaseDto {
  @ApiProperty({ type: [JointMemberInputDto], description: '至少 2 件投诉 / at least 2 complaints' })
  @IsDefined(t('请列出要按共同投诉处理的投诉', 'members is required'))
  @IsArray(t('应为数组', 'must be an array'))
  @ArrayMaxSize(MAX_MEMBERS, t(`一次最多 ${MAX_MEMBERS} 件`, `at most ${MAX_MEMBERS}`))
  @IsObject({ each: true, ...t('每项应为对象', 'each must be an object') })
  @ValidateNested({ each: true })
  @Type(() => JointMemberInputDto)
  members: JointMemberInputDto[];

  @ApiPropertyOptional({
    type: [String],
    nullable: true,
    example: ['1025'],
    description:
      '投诉人书面推选的代表人（最多 2 名，须为成员）所在投诉的案件 id；推选书由工作人员核对，系统只作记录 / case ids of the members whose complainants were elected representatives (at most 2); the written election is recorded, not verified',
  })
  @IsOptional()
  @IsArray(t('应为数组', 'must be an array'))
  @ArrayMaxSize(10, t('代表人过多', 'too many'))
  @Matches(CASE_ID, { each: true, ...t('应为案件 id（数字）', 'each must be a case id (digits)') })
  representatives?: string[] | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: '说明 / note' })
  @IsOptional()
  @IsString(t('说明应为文本', 'must be text'))
  @MaxLength(2000, t('说明最多 2000 个字', 'at most 2000 characters'))
  note?: string | null;
}

/** The service's input from the request (a null, as forms send, is a field not given). */
export function jointCaseInput(dto: CreateJointCaseDto): CreateJointCase {
  return {
    members: dto.members.map((m) => ({
      caseId: m.caseId,
      consentMethod: m.consentMethod,
      consentNote: m.consentNote,
      consentAt: m.consentAt,
    })),
    representatives: dto.representatives ?? [],
    note: dto.note,
  };
}

export class JointConsentDto {
  @ApiProperty({ enum: CONSENT_METHODS }) method: ConsentMethod;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) at: Date;
  @ApiProperty({ type: String, description: '记录人（工作人员账号 id）/ the staff account that recorded it' }) recordedBy: string;
}

export class JointMemberDto {
  @ApiProperty({ type: String, example: '1025' }) caseId: string;
  @ApiProperty({ type: String, example: TRACKING_NO }) trackingNo: string;
  @ApiProperty({ enum: CASE_STATUSES, enumName: 'CaseStatus' }) status: CaseStatus;
  @ApiProperty({ type: JointConsentDto }) consent: JointConsentDto;
  @ApiProperty({ type: Boolean, description: '代表人 / a representative (Art. 12)' }) representative: boolean;
}

export class JointUnitDto {
  @ApiProperty({ type: String, example: 'MR-371502' }) code: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
}

export class JointRespondentDto {
  @ApiProperty({ type: String, example: 'name:聊城市某餐饮店' }) key: string;
  @ApiProperty({ type: String }) name: string;
}

export class JointCaseDto {
  @ApiProperty({ type: String, example: '17' }) id: string;
  @ApiProperty({ type: String, example: JOINT_NO, description: '共同投诉编号 / the joint complaint number' }) jointNo: string;
  @ApiProperty({ type: JointRespondentDto }) respondent: JointRespondentDto;
  @ApiProperty({ type: JointUnitDto, description: '处理的市场监督管理部门 / the handling market regulator' }) unit: JointUnitDto;
  @ApiProperty({ type: String, nullable: true, description: '由哪条预警归并 / the early-warning alert it came from' }) alertId:
    string | null;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ type: String }) createdBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: [JointMemberDto] }) members: JointMemberDto[];
}

export class JointRepresentativeDto {
  @ApiProperty({ type: String, example: '1025' }) id: string;
  @ApiProperty({ type: String, example: TRACKING_NO }) trackingNo: string;
}

/** In the case file: the joint complaint the case belongs to. */
export class CaseJointDto {
  @ApiProperty({ type: String, example: '17' }) id: string;
  @ApiProperty({ type: String, example: JOINT_NO }) jointNo: string;
  @ApiProperty({ type: Number, example: 3, description: '共几件投诉 / how many complaints it holds' }) memberCount: number;
  @ApiProperty({ type: [JointRepresentativeDto], description: '代表人所在的投诉 / the representatives’ complaints' })
  representatives: JointRepresentativeDto[];
}
