import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Length, Matches, MaxLength, registerDecorator } from 'class-validator';
import { bilingual, PageQuery, registerConstraintText, WholeNumber } from '@weiquan/core';
import type { Bilingual } from '@weiquan/core';
import { ISSUE_TYPES, PURCHASE_CHANNELS } from '../../case-attributes';
import type { IssueType, PurchaseChannel } from '../../case-attributes';
import { CASE_STATUSES } from '../../case-status';
import { AREA_CODE, daysInOrder, isRealDay, NOT_GIVEN, PERIOD_TEXT, UNIT_CODE } from '../queue-filter.rules';

const t = bilingual;

/** Query strings arrive as text: "true"/"false" become booleans, anything else stays and is refused. */
const Bool = () => Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
/** `status=assigned,accepted` or `status=assigned&status=accepted`. */
const List = () =>
  Transform(({ value }: { value: unknown }) =>
    Array.isArray(value)
      ? value
      : typeof value === 'string'
        ? value
            .split(',')
            .map((s) => s.trim())
            .filter(Boolean)
        : value,
  );

/** A check of the value and the whole query, with its message in both languages (registerDecorator carries no `context`). */
function Satisfies(name: string, text: Bilingual, test: (value: unknown, query: CaseListQuery) => boolean): PropertyDecorator {
  registerConstraintText(name, text);
  return (target, property) =>
    registerDecorator({
      name,
      target: target.constructor,
      propertyName: property as string,
      options: { message: text.en },
      validator: { validate: (value: unknown, args) => test(value, args!.object) },
    });
}

const CHANNEL_CODES = [...PURCHASE_CHANNELS, NOT_GIVEN] as const;
const ISSUE_CODES = [...ISSUE_TYPES, NOT_GIVEN] as const;
const oneOf = (codes: readonly string[]) => t(`应为：${codes.join('、')}`, `must be one of ${codes.join(', ')}`);

/** Intake's respondent key: the credit code when known, else the normalised name. */
const RESPONDENT_KEY = /^(uscc:[0-9A-Z]{18}|name:\P{Cc}{1,200})$/u;

export class CaseListQuery extends PageQuery {
  @ApiPropertyOptional({ description: '状态，可多选（逗号分隔）/ statuses, comma-separated', example: 'assigned,accepted' })
  @IsOptional()
  @List()
  @IsIn(CASE_STATUSES, {
    each: true,
    ...t(`状态应为：${CASE_STATUSES.join('、')}`, `each status must be one of ${CASE_STATUSES.join(', ')}`),
  })
  status?: string[];

  @ApiPropertyOptional({
    enum: ['all', 'open'],
    default: 'all',
    description:
      '未指定状态时：all 全部，open 仅未办结（不含已和解、重复、不予受理、已移送、已办结、已撤回）/ without a status: every case, or the open work only (none settled, duplicate, refused, transferred, closed or withdrawn)',
  })
  @IsOptional()
  @IsIn(['all', 'open'], t('应为 all 或 open', 'must be all or open'))
  view?: 'all' | 'open';

  @ApiPropertyOptional({
    enum: ['newest', 'due'],
    default: 'newest',
    description:
      'newest：最新收到在前；due：期限最近在前（已超期的最先，无期限的最后）。换排序时不要沿用 cursor / newest first, or the nearest deadline first (overdue first, none last); a cursor belongs to its order',
  })
  @IsOptional()
  @IsIn(['newest', 'due'], t('应为 newest 或 due', 'must be newest or due'))
  sort?: 'newest' | 'due';

  @ApiPropertyOptional({ example: 'catering' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @MaxLength(40, t('最多 40 个字符', 'at most 40 characters'))
  categoryCode?: string;

  @ApiPropertyOptional({ enum: ['complaint', 'report'] })
  @IsOptional()
  @IsIn(['complaint', 'report'], t('应为 complaint 或 report', 'must be complaint or report'))
  track?: 'complaint' | 'report';

  @ApiPropertyOptional({ description: '只看已超期（true）或未超期（false）/ overdue only, or not overdue' })
  @IsOptional()
  @Bool()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  overdue?: boolean;

  @ApiPropertyOptional({ description: '在 N 个工作日内到期 / due within N working days', example: 2 })
  @IsOptional()
  @WholeNumber(0, 30)
  dueWithinDays?: number;

  @ApiPropertyOptional({ description: '查询编号（前缀）或被投诉人名称 / tracking number prefix or respondent name' })
  @IsOptional()
  @IsString(t('应为文本', 'must be text'))
  @Length(1, 100, t('搜索词最多 100 个字', 'at most 100 characters'))
  q?: string;

  // The filters below are what the dashboard's figures are cut by, so a figure opens the cases behind
  // it. Each only narrows the caller's scope: a code outside it finds nothing (never a 403 that would
  // tell which codes exist).

  @ApiPropertyOptional({
    description: "被投诉人所在县级区划代码（看板的区域）/ the respondent's county-level area code (the dashboard's areas)",
    example: '371502',
    pattern: AREA_CODE.source,
  })
  @IsOptional()
  @IsString(t('应为 6 位区划代码', 'must be a 6-digit area code'))
  @Matches(AREA_CODE, t('应为 6 位区划代码', 'must be a 6-digit area code'))
  areaCode?: string;

  @ApiPropertyOptional({
    description: '收到日期起（含，中国时间）/ received on or after this day (China time)',
    example: '2026-11-01',
    format: 'date',
  })
  @IsOptional()
  @Satisfies('isRealDay', PERIOD_TEXT.notADay, isRealDay)
  @Satisfies('daysInOrder', PERIOD_TEXT.outOfOrder, (from, q) => daysInOrder(from, q.receivedTo))
  receivedFrom?: string;

  @ApiPropertyOptional({
    description: '收到日期止（含，中国时间），不早于 receivedFrom / received on or before this day (China time), not before receivedFrom',
    example: '2026-11-30',
    format: 'date',
  })
  @IsOptional()
  @Satisfies('isRealDay', PERIOD_TEXT.notADay, isRealDay)
  receivedTo?: string;

  @ApiPropertyOptional({
    enum: CHANNEL_CODES,
    description: '购买渠道；unknown：消费者未填写 / purchase channel; unknown: none given',
  })
  @IsOptional()
  @IsIn(CHANNEL_CODES, oneOf(CHANNEL_CODES))
  channel?: PurchaseChannel | typeof NOT_GIVEN;

  @ApiPropertyOptional({ description: '预付式消费（办卡、充值）与否 / prepaid (cards, top-ups) or not' })
  @IsOptional()
  @Bool()
  @IsBoolean(t('应为 true 或 false', 'must be true or false'))
  prepaid?: boolean;

  @ApiPropertyOptional({ enum: ISSUE_CODES, description: '问题类型；unknown：消费者未填写 / issue type; unknown: none given' })
  @IsOptional()
  @IsIn(ISSUE_CODES, oneOf(ISSUE_CODES))
  issueType?: IssueType | typeof NOT_GIVEN;

  @ApiPropertyOptional({
    description:
      '承办单位代码（服务站、监管部门或经营者），即案件当前所在单位 / the handling unit (station, regulator or business): the one the case is with now',
    example: 'ST-371502-001',
    pattern: UNIT_CODE.source,
  })
  @IsOptional()
  @IsString(t('应为单位代码', 'must be a unit code'))
  @Matches(UNIT_CODE, t('应为单位代码（字母、数字、- 和 _，最长 32 位）', 'must be a unit code (letters, digits, - and _, at most 32)'))
  unit?: string;

  @ApiPropertyOptional({
    description:
      "场所代码（商场、景区、市场等）：案件现由该场所的服务站承办（看板的“按场所汇总”）/ a venue (a mall, scenic spot, market…): the cases its stations hold now (the dashboard's per-venue table)",
    example: 'V-371502-001',
    pattern: UNIT_CODE.source,
  })
  @IsOptional()
  @IsString(t('应为场所代码', 'must be a venue code'))
  @Matches(UNIT_CODE, t('应为场所代码（字母、数字、- 和 _，最长 32 位）', 'must be a venue code (letters, digits, - and _, at most 32)'))
  venue?: string;

  @ApiPropertyOptional({
    description:
      '被投诉人（消费预警的对象）：uscc:统一社会信用代码，或 name:规范化名称 / the respondent (an early-warning subject): uscc:<credit code> or name:<normalised name>',
    example: 'uscc:91371502MA3C4N8X1K',
    pattern: RESPONDENT_KEY.source,
  })
  @IsOptional()
  @IsString(t('应为 uscc:信用代码 或 name:名称', 'must be uscc:<credit code> or name:<name>'))
  @Matches(RESPONDENT_KEY, t('应为 uscc:信用代码 或 name:名称', 'must be uscc:<credit code> or name:<name>'))
  respondent?: string;
}

/** The status counts' filters: the queue's, less the status, the view and the paging. */
export class CaseCountsQuery extends OmitType(CaseListQuery, ['status', 'view', 'sort', 'cursor', 'limit'] as const) {}
