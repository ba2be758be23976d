import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiErrors, ERRORS } from '@weiquan/core/http/dto/error.dto';
import { CurrentStaff, Roles } from '../auth/staff-auth.guard';
import {
  CreatedUserDto,
  CreateUserDto,
  ListUsersQueryDto,
  PasswordResetDto,
  StaffUserDto,
  StaffUserPageDto,
  UpdateUserDto,
} from '../dto/users.dto';
import type { StaffPrincipal } from '../roles';
import { AccountsService } from './accounts.service';

/**
 * Staff accounts. Administrators manage every account; a station administrator only the station
 * staff of its own station (anyone else's account answers 404, as if it did not exist).
 */
const NOT_FOUND = '没有这个账号，或不在调用者可管理的范围内 / no such account, or not one the caller may manage';

@ApiTags('admin 管理')
@ApiBearerAuth()
@Controller('admin/users')
@Roles('admin', 'station-admin')
@ApiErrors({ 401: ERRORS.unauthenticated, 403: ERRORS.forbidden })
export class AdminUsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @ApiOperation({ summary: '账号列表 / list accounts', description: '按 id 分页 / keyset pages by id: pass nextCursor as ?cursor=' })
  @ApiOkResponse({ type: StaffUserPageDto })
  @ApiErrors({ 400: ERRORS.validation })
  list(@Query() q: ListUsersQueryDto, @CurrentStaff() actor: StaffPrincipal): Promise<StaffUserPageDto> {
    return this.accounts.list({ role: q.role, unitCode: q.unitCode, cursor: q.cursor, limit: q.limit }, actor);
  }

  @Get(':id')
  @ApiOperation({ summary: '查看账号 / one account' })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiErrors({ 404: NOT_FOUND })
  get(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal): Promise<StaffUserDto> {
    return this.accounts.get(id, actor);
  }

  @Post()
  @ApiOperation({
    summary: '新建账号 / create an account',
    description:
      '未给出密码时生成随机密码，仅在此答复中出现一次 / without a password one is generated and returned this once. 400 bad unitCode, 409 username taken.',
  })
  @ApiCreatedResponse({ type: CreatedUserDto })
  @ApiErrors({
    400: `${ERRORS.validation}；单位编码未知、已停用或与角色不符 / or the unitCode is unknown, deactivated or wrong for the role`,
    403: `${ERRORS.forbidden}；服务站管理员只能为本站建服务站工作人员账号 / a station administrator creates station-staff of its own station only`,
    409: '用户名已存在 / the username is taken',
  })
  async create(@Body() dto: CreateUserDto, @CurrentStaff() actor: StaffPrincipal): Promise<CreatedUserDto> {
    const { user, password } = await this.accounts.create(dto, actor);
    return dto.password === undefined ? { user, password } : { user };
  }

  @Patch(':id')
  @ApiOperation({
    summary: '修改、改派或停用账号 / change, re-scope or disable',
    description: '改角色、改单位或停用会使其已有令牌立即失效 / role, unit or disabling revoke its tokens',
  })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiErrors({
    400: `${ERRORS.validation}；单位编码未知、已停用或与角色不符 / or the unitCode is unknown, deactivated or wrong for the role`,
    403: `${ERRORS.forbidden}；服务站管理员不能改成其他角色或其他站 / a station administrator cannot move an account to another role or station`,
    404: NOT_FOUND,
    409: '不能停用自己，也不能改自己的角色或单位 / you cannot disable yourself or change your own role or unit',
  })
  update(@Param('id') id: string, @Body() dto: UpdateUserDto, @CurrentStaff() actor: StaffPrincipal): Promise<StaffUserDto> {
    return this.accounts.update(id, dto, actor);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  @ApiOperation({
    summary: '重置密码 / reset the password',
    description: '生成新密码（仅显示一次），其令牌失效、锁定解除 / a new generated password; revokes its tokens and clears a lock',
  })
  @ApiOkResponse({ type: PasswordResetDto })
  @ApiErrors({ 404: NOT_FOUND })
  resetPassword(@Param('id') id: string, @CurrentStaff() actor: StaffPrincipal): Promise<PasswordResetDto> {
    return this.accounts.resetPassword(id, actor);
  }
}
