import { ApiProperty } from '@nestjs/swagger';
import { BilingualTextDto } from './bilingual-text.dto';

/**
 * The claimant flags of a case file (claimant-flags.ts): the repeat-filing figures and the
 * Order 121 Art. 17 factors with their evidence, shown to the handler and never acted on.
 */

export class ClaimantRepeatDto {
  @ApiProperty({
    type: [String],
    description:
      '12 个月内同一投诉人对同一经营者的其他案件（投诉只列投诉）/ earlier cases, same complainant and respondent, within 12 months (for a complaint, complaints only)',
  })
  trackingNos: string[];
}

export class ClaimantThresholdsDto {
  @ApiProperty({ type: Number, example: 20 }) cases: number;
  @ApiProperty({ type: Number, example: 5 }) respondents: number;
  @ApiProperty({ type: Number, example: 0.5 }) similarity: number;
}

export class ProfessionalClaimantDto {
  @ApiProperty({ type: Boolean, description: '三项同时达到阈值 / all three thresholds reached' }) flagged: boolean;
  @ApiProperty({ type: Number }) cases: number;
  @ApiProperty({ type: Number }) respondents: number;
  @ApiProperty({ type: Number, description: '文本相似度 0–1 / text similarity 0–1' }) similarity: number;
  @ApiProperty({ type: ClaimantThresholdsDto }) thresholds: ClaimantThresholdsDto;
}

export class Art17EvidenceDto {
  @ApiProperty({
    enum: [
      'same-business',
      'same-category',
      'same-issue',
      'others-same-business',
      'others-same-business-issue',
      'others-similar-text',
      'people-on-phone',
      'people-at-address',
    ],
    enumName: 'Art17EvidenceKind',
  })
  what: string;
  @ApiProperty({ type: BilingualTextDto, description: '统计的是什么 / what was counted' }) text: BilingualTextDto;
  @ApiProperty({ type: Number }) count: number;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: '系统默认阈值，非法定标准；null 仅供参考 / a system default, not law; null: context only',
  })
  threshold: number | null;
  @ApiProperty({ type: Boolean }) reached: boolean;
  @ApiProperty({ type: [String], description: '所统计的其他投诉（最多 20 件）/ the other complaints counted (at most 20)' })
  trackingNos: string[];
  @ApiProperty({ type: [String], example: ['张*', '李*'], description: '第（四）项：遮蔽后的姓名 / item (4): the names, masked' })
  names: string[];
}

export class Art17FactorDto {
  @ApiProperty({ type: Number, enum: [1, 2, 3, 4, 5], description: '第十七条第几项 / the item of Art. 17' }) item: 1 | 2 | 3 | 4 | 5;
  @ApiProperty({ type: BilingualTextDto }) title: BilingualTextDto;
  @ApiProperty({
    enum: ['noted', 'not-noted', 'not-in-data', 'for-handler'],
    enumName: 'Art17Status',
    description:
      'noted 证据达到默认阈值；not-noted 未达到；not-in-data 数据无法反映；for-handler 只能由承办人判断 / evidence reached a default; it did not; the data cannot show it; only the handler can judge it',
  })
  status: 'noted' | 'not-noted' | 'not-in-data' | 'for-handler';
  @ApiProperty({ type: BilingualTextDto, description: '系统能看到和看不到什么 / what the system could and could not see' })
  note: BilingualTextDto;
  @ApiProperty({ type: [Art17EvidenceDto] }) evidence: Art17EvidenceDto[];
}

export class Art17SettingsDto {
  @ApiProperty({ type: Number, example: 365 }) lookbackDays: number;
  @ApiProperty({ type: Number, example: 30, description: '"短期内" / "a short time"' }) shortDays: number;
  @ApiProperty({ type: Number, example: 3 }) sameBusiness: number;
  @ApiProperty({ type: Number, example: 5 }) sameCategory: number;
  @ApiProperty({ type: Number, example: 5 }) sameIssue: number;
  @ApiProperty({ type: Number, example: 2 }) similarTexts: number;
  @ApiProperty({ type: Number, example: 0.8 }) similarity: number;
  @ApiProperty({ type: Number, example: 2 }) peopleOnPhone: number;
  @ApiProperty({ type: Number, example: 3 }) peopleAtAddress: number;
}

export class Art17AssessmentDto {
  @ApiProperty({ type: String, example: '《市场监督管理投诉举报处理办法》第十七条' }) basis: string;
  @ApiProperty({
    type: BilingualTextDto,
    description:
      '供承办人判断是否属于第十六条第（三）项，系统不据此作出决定 / for the handler to judge Art. 16(3); the system decides nothing',
  })
  purpose: BilingualTextDto;
  @ApiProperty({
    type: Boolean,
    description: '有因素提示，值得承办人留意（不是决定）/ some factor is noted: worth a look, never a decision',
  })
  noted: boolean;
  @ApiProperty({ type: Art17SettingsDto, description: '系统默认值，非法定标准 / system defaults, not law' }) settings: Art17SettingsDto;
  @ApiProperty({ type: [Art17FactorDto], description: '第十七条第（一）至（五）项 / items (1)–(5)' }) factors: Art17FactorDto[];
}

export class ClaimantFlagsDto {
  @ApiProperty({ type: ClaimantRepeatDto, nullable: true }) repeat: ClaimantRepeatDto | null;
  @ApiProperty({
    type: ProfessionalClaimantDto,
    deprecated: true,
    description:
      '已弃用：旧的"疑似职业索赔"经验规则（20 件、5 个经营者、文本相似），不是法律标准，页面不再显示；请用 art17 / deprecated: the earlier heuristic, not law, no longer shown; use art17',
  })
  professional: ProfessionalClaimantDto;
  @ApiProperty({
    type: Art17AssessmentDto,
    nullable: true,
    description:
      '《市场监督管理投诉举报处理办法》第十七条所列因素及证据，供承办人判断第十六条第（三）项；举报为 null / the factors of Order 121 Art. 17 with their evidence, for the handler; null for a report',
  })
  art17: Art17AssessmentDto | null;
}
