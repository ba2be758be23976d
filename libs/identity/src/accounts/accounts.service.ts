import { Injectable } from '@nestjs/common';
import { Bilingual, FieldProblem, invalid, LocalizedException } from '@weiquan/core';
import { LoginThrottle } from '../auth/login-throttle';
import { describeRoles, isStaffRole, StaffPrincipal, StaffRole, UnitType, unitTypeOf } from '../roles';
import { passwordWeakness } from './password.rules';
import { generatePassword, hashPassword } from './passwords';
import { StaffRepository, StaffUserView } from './staff.repository';

export const USERNAME_PATTERN = /^[a-z0-9][a-z0-9._-]{2,31}$/;
export const UNIT_CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export interface CreateAccountInput {
  username: string;
  /** Generated (24 random characters) when not given. */
  password?: string;
  displayName: string;
  role: StaffRole;
  /** The station or regulator: required for station and regulator roles, refused for city-level ones. */
  unitCode?: string;
}

export interface UpdateAccountInput {
  displayName?: string;
  role?: StaffRole;
  unitCode?: string;
  disabled?: boolean;
}

export interface ListAccountsInput {
  role?: StaffRole;
  unitCode?: string;
  cursor?: string;
  limit?: number;
}

/**
 * Who may manage which accounts: an administrator (or the system itself: the CLI, tests) any
 * account; a station administrator only station staff of its own station.
 */
type Scope = { kind: 'all' } | { kind: 'station'; stationCode: string };

const NOT_FOUND: Bilingual = { zh: '找不到该用户', en: 'no such user' };

/** Staff accounts: creation, listing, changes, password resets. Passwords are returned once, never stored or logged. */
@Injectable()
export class AccountsService {
  constructor(
    private readonly staff: StaffRepository,
    private readonly throttle: LoginThrottle,
  ) {}

  /**
   * A new account. `actor` is the caller of the admin API (omitted: the system). Returns the
   * password, generated when none was given.
   */
  async create(input: CreateAccountInput, actor?: StaffPrincipal): Promise<{ user: StaffUserView; password: string }> {
    const scope = scopeOf(actor);
    const username = typeof input.username === 'string' ? input.username.trim().toLowerCase() : '';
    const displayName = typeof input.displayName === 'string' ? input.displayName.trim() : '';
    const problems: FieldProblem[] = [];
    if (!USERNAME_PATTERN.test(username)) {
      problems.push({
        field: 'username',
        message: {
          zh: '应为 3–32 位小写字母、数字或 . _ -，以字母或数字开头',
          en: 'must be 3–32 lowercase letters, digits or . _ -, starting with a letter or digit',
        },
      });
    }
    if (!displayName || displayName.length > 50)
      problems.push({ field: 'displayName', message: { zh: '应为 1–50 个字', en: 'must be 1–50 characters' } });
    if (!isStaffRole(input.role))
      problems.push({
        field: 'role',
        message: { zh: `取值无效（${JSON.stringify(input.role)}）`, en: `is not an allowed value (${JSON.stringify(input.role)})` },
      });
    if (input.password !== undefined) {
      const weakness =
        typeof input.password === 'string'
          ? passwordWeakness(input.password, { username, displayName })
          : passwordWeakness('', { username });
      if (weakness) problems.push({ field: 'password', message: weakness });
    }
    if (problems.length) throw invalid(problems);

    let unitCode = input.unitCode;
    if (scope.kind === 'station') {
      unitCode ??= scope.stationCode;
      if (input.role !== 'station-staff' || unitCode !== scope.stationCode) throw stationAdminLimit();
    }
    const unit = await this.resolveUnit(input.role, unitCode);
    const password = input.password ?? generatePassword();
    const id = await this.staff.insert({
      username,
      displayName,
      passwordHash: await hashPassword(password),
      role: input.role,
      unitType: unit?.type ?? null,
      unitCode: unit?.code ?? null,
    });
    if (!id) {
      throw new LocalizedException(409, { zh: `用户名 ${username} 已存在`, en: `the username ${username} is taken` }, [
        { field: 'username', message: { zh: '已存在', en: 'is taken' } },
      ]);
    }
    return { user: (await this.staff.view(id))!, password };
  }

  async list(input: ListAccountsInput = {}, actor?: StaffPrincipal): Promise<{ items: StaffUserView[]; nextCursor: string | null }> {
    const scope = scopeOf(actor);
    const limit = Math.min(Math.max(input.limit ?? 100, 1), 500);
    if (
      scope.kind === 'station' &&
      ((input.unitCode && input.unitCode !== scope.stationCode) || (input.role && input.role !== 'station-staff'))
    ) {
      return { items: [], nextCursor: null };
    }
    const items = await this.staff.list({
      role: input.role,
      unitCode: scope.kind === 'station' ? scope.stationCode : input.unitCode,
      roles: scope.kind === 'station' ? ['station-staff'] : undefined,
      afterId: input.cursor,
      limit,
    });
    return { items: await this.withDelays(items), nextCursor: items.length === limit ? items[items.length - 1].id : null };
  }

  async get(id: string, actor?: StaffPrincipal): Promise<StaffUserView> {
    const [user] = await this.withDelays([await this.target(id, scopeOf(actor))]);
    return user;
  }

  async byUsername(username: string): Promise<StaffUserView | null> {
    return this.staff.viewByUsername(username.trim().toLowerCase());
  }

  /**
   * Changes an account. A new role or unit, or disabling it, revokes every token it holds (the
   * token version goes up), so the change takes effect on its next request.
   */
  async update(id: string, change: UpdateAccountInput, actor?: StaffPrincipal): Promise<StaffUserView> {
    const scope = scopeOf(actor);
    const current = await this.target(id, scope);
    if (change.displayName !== undefined) {
      const name = change.displayName.trim();
      if (!name || name.length > 50)
        throw invalid([{ field: 'displayName', message: { zh: '应为 1–50 个字', en: 'must be 1–50 characters' } }]);
      change = { ...change, displayName: name };
    }
    if (change.role !== undefined && !isStaffRole(change.role)) {
      throw invalid([
        {
          field: 'role',
          message: { zh: `取值无效（${JSON.stringify(change.role)}）`, en: `is not an allowed value (${JSON.stringify(change.role)})` },
        },
      ]);
    }
    const role = change.role ?? current.role;
    const needed = unitTypeOf(role);
    let unitCode: string | undefined | null = change.unitCode;
    if (needed === null) {
      if (unitCode !== undefined && unitCode !== null) throw invalid([unitNotWanted(role)]);
      unitCode = null;
    } else {
      unitCode ??= current.unit?.type === needed ? current.unit.code : undefined;
    }
    const unitChanged = (unitCode ?? null) !== (current.unit?.code ?? null);
    const roleChanged = role !== current.role;
    let unit: { type: UnitType; code: string } | null = current.unit;
    if (needed === null) unit = null;
    else if (unitChanged || roleChanged || !unitCode) unit = await this.resolveUnit(role, unitCode ?? undefined);

    if (scope.kind === 'station' && (role !== 'station-staff' || unit?.code !== scope.stationCode)) throw stationAdminLimit();
    if (actor && actor.userId === current.id && (roleChanged || unitChanged || change.disabled === true)) {
      throw new LocalizedException(409, {
        zh: '不能停用自己的账号，也不能更改自己的角色或单位（请由另一位管理员操作）',
        en: 'you cannot disable your own account or change your own role or unit (ask another administrator)',
      });
    }
    const disabling = change.disabled === true && !current.disabled;
    await this.staff.update(current.id, {
      displayName: change.displayName,
      role: roleChanged ? role : undefined,
      unitType: unitChanged || roleChanged ? (unit?.type ?? null) : undefined,
      unitCode: unitChanged || roleChanged ? (unit?.code ?? null) : undefined,
      disabled: change.disabled,
      revokeTokens: roleChanged || unitChanged || disabling,
    });
    return (await this.staff.view(current.id))!;
  }

  /**
   * A new generated password; every token of the account is revoked and the login delays of its name
   * are forgotten, so its owner signs in with the new password at once.
   */
  async resetPassword(id: string, actor?: StaffPrincipal): Promise<{ user: StaffUserView; password: string }> {
    const current = await this.target(id, scopeOf(actor));
    const password = generatePassword();
    await this.staff.setPassword(current.id, await hashPassword(password));
    await this.throttle.clearAccount(current.username);
    return { user: (await this.staff.view(current.id))!, password };
  }

  /** `lockedUntil`: until when the next sign-in attempt of each account must wait after failed ones (LoginThrottle). */
  private async withDelays(users: StaffUserView[]): Promise<StaffUserView[]> {
    const blocked = await this.throttle.accountsBlocked(users.map((u) => u.username));
    return users.map((u) => ({ ...u, lockedUntil: blocked.get(u.username) ?? null }));
  }

  /** The account, if the scope may see it; otherwise the same 404 as an unknown id. */
  private async target(id: string, scope: Scope): Promise<StaffUserView> {
    if (!/^\d{1,18}$/.test(id)) throw new LocalizedException(404, NOT_FOUND);
    const user = await this.staff.view(id);
    if (!user) throw new LocalizedException(404, NOT_FOUND);
    if (scope.kind === 'station' && (user.role !== 'station-staff' || user.unit?.code !== scope.stationCode))
      throw new LocalizedException(404, NOT_FOUND);
    return user;
  }

  /** The unit a role needs, checked against the directory; 400 naming `unitCode` otherwise. */
  private async resolveUnit(role: StaffRole, unitCode: string | undefined): Promise<{ type: UnitType; code: string } | null> {
    const needed = unitTypeOf(role);
    if (needed === null) {
      if (unitCode !== undefined) throw invalid([unitNotWanted(role)]);
      return null;
    }
    const what = UNIT_WORDS[needed];
    if (unitCode === undefined || unitCode === '') {
      throw invalid([
        { field: 'unitCode', message: { zh: `该角色须填写所属${what.zh}编码`, en: `is required: this role belongs to a ${what.en}` } },
      ]);
    }
    const unit = UNIT_CODE_PATTERN.test(unitCode) ? await this.staff.unit(unitCode) : null;
    if (!unit)
      throw invalid([
        {
          field: 'unitCode',
          message: { zh: `未知的单位编码（${unitCode}）`, en: `is not a known station, regulator or business code (${unitCode})` },
        },
      ]);
    if (unit.type !== needed) {
      throw invalid([
        {
          field: 'unitCode',
          message: {
            zh: `应为${what.zh}编码：${unitCode} 不是${what.zh}`,
            en: `must be a ${what.en} code: ${unitCode} is not a ${what.en}`,
          },
        },
      ]);
    }
    if (!unit.active)
      throw invalid([{ field: 'unitCode', message: { zh: `该单位已停用（${unitCode}）`, en: `is deactivated (${unitCode})` } }]);
    return { type: unit.type, code: unit.code };
  }
}

const UNIT_WORDS: Record<UnitType, Bilingual> = {
  station: { zh: '服务站', en: 'station' },
  regulator: { zh: '监管部门', en: 'regulator' },
  business: { zh: '在线纠纷解决企业（统一社会信用代码）', en: 'enrolled business (its credit code)' },
};

function scopeOf(actor: StaffPrincipal | undefined): Scope {
  if (!actor || actor.role === 'admin') return { kind: 'all' };
  if (actor.role === 'station-admin' && actor.unit?.type === 'station') return { kind: 'station', stationCode: actor.unit.code };
  const allowed = describeRoles(['admin', 'station-admin']);
  throw new LocalizedException(
    403,
    { zh: `无权管理账号：需要以下角色之一：${allowed.zh}`, en: `not allowed to manage accounts: requires one of the roles ${allowed.en}` },
    [],
    {
      allowedRoles: ['admin', 'station-admin'],
    },
  );
}

function stationAdminLimit(): LocalizedException {
  return new LocalizedException(403, {
    zh: '服务站管理员只能管理本站的服务站工作人员（station-staff）账号',
    en: 'a station administrator may only manage station staff (station-staff) accounts of its own station',
  });
}

function unitNotWanted(role: StaffRole) {
  return {
    field: 'unitCode',
    message: { zh: `该角色（${role}）不属于任何单位，请勿填写`, en: `must be empty: the role ${role} belongs to no unit` },
  };
}
