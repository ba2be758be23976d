import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig, LocalizedException } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import type { Request, Response } from 'express';
import { LoginDto, LoginResponseDto, PrincipalDto } from '../dto/auth.dto';
import type { StaffPrincipal } from '../roles';
import { AuthService, LoginAnswer } from './auth.service';
import { CurrentStaff, StaffAuthGuard } from './staff-auth.guard';
import { TOKEN_COOKIE, tokenFromHeaders } from './staff-authenticator';

/** The queue dashboard's path: the only place the token cookie is sent to. */
const DASHBOARD_PATH = '/admin/queues';

@ApiTags('auth 登录')
@Controller('auth')
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    @Inject(AppConfig) private readonly config: AppConfig,
  ) {}

  @Post('login')
  @HttpCode(200)
  @ApiOperation({
    summary: '工作人员登录 / staff login',
    description:
      '401：用户名或密码错误（未知用户名与错误密码答复相同）或账户已停用；429（带 Retry-After）：连续失败 LOGIN_MAX_FAILURES 次后账户锁定 LOGIN_LOCK_MINUTES 分钟，或同一客户端每分钟超过 LOGIN_RATE_LIMIT 次。' +
      ' / 401: wrong username or password (the same answer for an unknown username), or the account is disabled; 429 with Retry-After: the account is locked after repeated failures, or too many attempts from this client.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({
    400: ERRORS.validation,
    401: '用户名或密码错误（未知用户名答复相同），或账户已停用 / wrong username or password (the same for an unknown username), or the account is disabled',
    429: '账户因连续失败被锁定，或本客户端尝试过于频繁（带 Retry-After）/ the account is locked after failed logins, or too many attempts from this client (with Retry-After)',
  })
  async login(@Body() dto: LoginDto, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const answer = await retryAfter(res, this.auth.login(dto.username, dto.password, req.ip ?? req.socket.remoteAddress ?? 'unknown'));
    this.dashboardCookie(answer, req, res);
    return answer;
  }

  @Get('me')
  @UseGuards(StaffAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '当前登录的工作人员及其单位 / the signed-in staff member and unit' })
  @ApiOkResponse({ type: PrincipalDto })
  @ApiErrors({ 401: ERRORS.unauthenticated })
  me(@CurrentStaff() staff: StaffPrincipal): PrincipalDto {
    return staff;
  }

  @Post('refresh')
  @HttpCode(200)
  @UseGuards(StaffAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '用有效令牌换取新令牌 / a new token for a valid one' })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({ 401: ERRORS.unauthenticated })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const answer = await this.auth.refresh(tokenFromHeaders(req.headers));
    this.dashboardCookie(answer, req, res);
    return answer;
  }

  /**
   * Administrators also get the token as an HttpOnly, SameSite=Strict cookie scoped to the queue
   * dashboard, so it opens in a browser; the API itself reads only the Authorization header.
   */
  private dashboardCookie(answer: LoginAnswer, req: Request, res: Response): void {
    if (!this.config.queueDashboard || answer.user.role !== 'admin') return;
    res.cookie(TOKEN_COOKIE, answer.accessToken, {
      path: DASHBOARD_PATH,
      httpOnly: true,
      sameSite: 'strict',
      secure: req.secure,
      maxAge: answer.expiresIn * 1000,
    });
  }
}

/** A refusal that says when to retry carries the Retry-After header too. */
export async function retryAfter<T>(res: Response, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (err) {
    const seconds = err instanceof LocalizedException ? err.extra.retryAfterSeconds : undefined;
    if (typeof seconds === 'number') res.setHeader('Retry-After', String(seconds));
    throw err;
  }
}
