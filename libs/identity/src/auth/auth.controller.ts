import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AppConfig, LocalizedException } from '@weiquan/core';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import type { Request, Response } from 'express';
import { ChangePasswordDto, LoginDto, LoginResponseDto, PrincipalDto } from '../dto/auth.dto';
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
      '401：用户名或密码错误（未知用户名与错误密码答复相同）或账户已停用；429（带 Retry-After）：同一用户名（无论是否存在）连续失败 LOGIN_MAX_FAILURES 次后，或同一客户端失败过多后，每次尝试须等待逐次加倍的时间（最长 LOGIN_LOCK_MINUTES 分钟），或同一客户端每分钟超过 LOGIN_RATE_LIMIT 次。每次登录开始一个会话，最长 SESSION_MAX_HOURS 小时。' +
      ' / 401: wrong username or password (the same answer for an unknown username), or the account is disabled; 429 with Retry-After: after LOGIN_MAX_FAILURES failures for a username (existing or not), or too many failures from this client, each attempt must wait a delay that doubles per failure (at most LOGIN_LOCK_MINUTES), or more than LOGIN_RATE_LIMIT attempts a minute from this client. Each login starts a session of at most SESSION_MAX_HOURS.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({
    400: ERRORS.validation,
    401: '用户名或密码错误（未知用户名答复相同），或账户已停用 / wrong username or password (the same for an unknown username), or the account is disabled',
    429: '尝试过于频繁：须等待 Retry-After 秒（用户名存在与否答复相同）/ too many attempts: wait Retry-After seconds (the same answer whether the username exists or not)',
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
  @ApiOperation({
    summary: '用有效令牌换取新令牌 / a new token for a valid one',
    description:
      '同一会话内换发新令牌，旧令牌随即失效；会话自登录起最长 SESSION_MAX_HOURS 小时，届时须重新登录。 / A new token in the same session; the one given in stops working. A session ends SESSION_MAX_HOURS after the login, whatever the refreshes.',
  })
  @ApiOkResponse({ type: LoginResponseDto })
  @ApiErrors({ 401: `${ERRORS.unauthenticated}; 或会话已结束 / or the session is over` })
  async refresh(@Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<LoginResponseDto> {
    const answer = await this.auth.refresh(tokenFromHeaders(req.headers));
    this.dashboardCookie(answer, req, res);
    return answer;
  }

  @Post('logout')
  @HttpCode(204)
  @UseGuards(StaffAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '退出登录：结束本会话，令牌随即失效 / log out: ends this session; its token stops working' })
  @ApiNoContentResponse({ description: '已退出 / logged out' })
  @ApiErrors({ 401: ERRORS.unauthenticated })
  async logout(@CurrentStaff() staff: StaffPrincipal, @Req() req: Request, @Res({ passthrough: true }) res: Response): Promise<void> {
    await this.auth.logout(tokenFromHeaders(req.headers), staff);
    if (this.config.queueDashboard) res.clearCookie(TOKEN_COOKIE, { path: DASHBOARD_PATH });
  }

  @Post('password')
  @HttpCode(204)
  @UseGuards(StaffAuthGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary: '修改本人密码 / change one’s own password',
    description:
      '需当前密码；新密码 12–128 个字符、不含用户名、不能太容易猜中（zxcvbn 评分 ≥ 3）。成功后本人其他会话全部失效，本会话保持有效。当前密码的核对计入登录失败次数。' +
      ' / The current password is required; the new one must be 12–128 characters, not contain the username and not be easily guessed (zxcvbn score ≥ 3). Every other session of the account ends; this one stays. Wrong current passwords count as failed logins.',
  })
  @ApiNoContentResponse({ description: '已修改，其他会话已失效 / changed; the other sessions are over' })
  @ApiErrors({
    400: `${ERRORS.validation}：currentPassword 不正确，或 newPassword 不符合密码要求 / currentPassword is wrong, or newPassword does not meet the policy`,
    401: ERRORS.unauthenticated,
    429: '尝试过于频繁（带 Retry-After）/ too many attempts (with Retry-After)',
  })
  async changePassword(
    @Body() dto: ChangePasswordDto,
    @CurrentStaff() staff: StaffPrincipal,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    const client = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    await retryAfter(res, this.auth.changePassword(tokenFromHeaders(req.headers), staff, dto.currentPassword, dto.newPassword, client));
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
