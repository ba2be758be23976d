import { applyDecorators } from '@nestjs/common';
import type { Type } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional, ApiResponse } from '@nestjs/swagger';

/** One bad field of a request (or one bad line of an imported file), in the caller's language. */
export class FieldProblemDto {
  @ApiProperty({
    type: String,
    example: 'consumer.phone',
    description: '字段路径（导入文件：行号与列）/ the field path (imports: line and column)',
  })
  field: string;

  @ApiProperty({ type: String, example: '不是有效的中国大陆手机号码' })
  message: string;
}

/** The error body of the public contract (libs/core/src/http/problem.filter.ts): every 4xx and 5xx. */
export class ErrorDto {
  @ApiProperty({ type: Number, example: 400 })
  statusCode: number;

  @ApiProperty({ type: String, example: 'Bad Request', description: 'HTTP 状态短语 / the HTTP reason phrase' })
  error: string;

  @ApiProperty({
    type: String,
    example: '请求有 1 处错误：consumer.phone：不是有效的中国大陆手机号码',
    description: '按 Accept-Language 给出中文（默认）或英文 / Chinese by default, English with Accept-Language: en',
  })
  message: string;

  @ApiPropertyOptional({ type: [FieldProblemDto], description: '逐项列出的问题 / each problem, when the request had field problems' })
  details?: FieldProblemDto[];
}

/** 403 for a role that may not call the route: which roles may. */
class ForbiddenErrorDto extends ErrorDto {
  @ApiPropertyOptional({
    type: [String],
    example: ['admin'],
    description: '角色不符时：允许的角色 / when the role is wrong: the roles allowed',
  })
  allowedRoles?: string[];
}

/** 429: when to retry (also in the Retry-After header). */
class RetryLaterErrorDto extends ErrorDto {
  @ApiProperty({
    type: Number,
    example: 42,
    description: '多少秒后可重试，同 Retry-After / seconds until a retry may succeed, as Retry-After',
  })
  retryAfterSeconds: number;
}

/** The error answers an operation gives: status → what it means there (a type other than ErrorDto where its body says more). */
export type ErrorAnswers = Partial<
  Record<400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 503, string | { description: string; type: Type<unknown> }>
>;

const DEFAULT_TYPES: Partial<Record<number, Type<unknown>>> = { 403: ForbiddenErrorDto, 429: RetryLaterErrorDto };

/** `@ApiErrors({ 400: '…', 404: '…' })`: each answer documented with the contract's error body. */
export function ApiErrors(answers: ErrorAnswers): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...Object.entries(answers).map(([status, answer]) => {
      const { description, type } = typeof answer === 'string' ? { description: answer, type: undefined } : answer;
      return ApiResponse({ status: Number(status), description, type: type ?? DEFAULT_TYPES[Number(status)] ?? ErrorDto });
    }),
  );
}

/** Texts shared by many operations. */
export const ERRORS = {
  validation: '请求有误：details 逐项列出有问题的字段 / invalid request: details names each bad field',
  unauthenticated: '未登录，或令牌无效、已过期、已失效（带 WWW-Authenticate: Bearer）/ no token, or an invalid, expired or revoked one',
  forbidden: "当前角色无权调用，allowedRoles 列出允许的角色 / the caller's role may not call this; allowedRoles lists those that may",
} as const;
