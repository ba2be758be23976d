import { Injectable } from '@nestjs/common';
import { invalid, LocalizedException } from '@weiquan/core';
import type { FieldProblem } from '@weiquan/core';
import { respondentKey } from '@weiquan/complaints/intake/identity.rules';
import { AccountsService } from '@weiquan/identity';
import type { StaffPrincipal } from '@weiquan/identity';
import { BusinessRepository } from './business.repository';
import type { BusinessRow } from './business.repository';
import { covers, enrolScope, NOT_ALLOWED, outsideScope } from './enrolment.rules';
import type { EnrolScope } from './enrolment.rules';
import type { BusinessDto, EnrolBusinessDto, UpdateBusinessDto } from './dto/business.dto';

const NOT_FOUND = () =>
  new LocalizedException(404, { zh: '没有这个经营者，或不在您可管理的范围内', en: 'no such business, or not one you may manage' });

/**
 * Enrolling businesses for online dispute resolution, and their users. Who may manage which business
 * is `enrolment.rules.ts`; a business outside the caller's scope answers 404 as if it did not exist.
 */
@Injectable()
export class BusinessService {
  constructor(
    private readonly repo: BusinessRepository,
    private readonly accounts: AccountsService,
  ) {}

  async enrol(p: StaffPrincipal, dto: EnrolBusinessDto): Promise<BusinessDto> {
    const scope = this.scope(p);
    const venueCode = dto.venueCode ?? null;
    await this.checkPlace(scope, dto.areaCode, venueCode);
    const inserted = await this.repo.insert({
      creditCode: dto.creditCode,
      name: dto.name,
      nameKey: respondentKey(dto.name),
      areaCode: dto.areaCode,
      venueCode,
      platform: dto.platform ?? false,
      phone: dto.phone || null,
      address: dto.address || null,
      enrolledBy: p.username,
    });
    if (!inserted)
      throw new LocalizedException(409, { zh: `信用代码 ${dto.creditCode} 已登记`, en: `${dto.creditCode} is enrolled already` }, [
        { field: 'creditCode', message: { zh: '已登记', en: 'is enrolled already' } },
      ]);
    return view((await this.repo.find(dto.creditCode))!);
  }

  async list(p: StaffPrincipal, q: { q?: string; cursor?: string; limit?: number }) {
    const limit = q.limit ?? 20;
    const rows = await this.repo.list(this.scope(p), { text: q.q?.trim() || undefined, after: q.cursor, limit: limit + 1 });
    const page = rows.slice(0, limit);
    return { items: page.map(view), nextCursor: rows.length > limit ? page[page.length - 1].creditCode : null };
  }

  async get(p: StaffPrincipal, creditCode: string): Promise<BusinessDto> {
    return view(await this.managed(p, creditCode));
  }

  async update(p: StaffPrincipal, creditCode: string, dto: UpdateBusinessDto): Promise<BusinessDto> {
    const scope = this.scope(p);
    const b = await this.managed(p, creditCode);
    if (dto.venueCode !== undefined) await this.checkPlace(scope, b.areaCode, dto.venueCode);
    if (dto.suspended === true && !dto.suspendedReason)
      throw invalid([{ field: 'suspendedReason', message: { zh: '暂停须说明理由', en: 'a suspension needs its reason' } }]);
    if (dto.suspended !== true && dto.suspendedReason !== undefined)
      throw invalid([{ field: 'suspendedReason', message: { zh: '只在暂停时填写', en: 'only with suspended: true' } }]);
    await this.repo.update(b.creditCode, {
      name: dto.name,
      nameKey: dto.name !== undefined ? respondentKey(dto.name) : undefined,
      venueCode: dto.venueCode,
      platform: dto.platform,
      phone: dto.phone === '' ? null : dto.phone,
      address: dto.address === '' ? null : dto.address,
      suspendedReason: dto.suspended === undefined ? undefined : dto.suspended ? dto.suspendedReason! : null,
    });
    return view((await this.repo.find(b.creditCode))!);
  }

  async createUser(p: StaffPrincipal, creditCode: string, input: { username: string; displayName: string; password?: string }) {
    const b = await this.managed(p, creditCode);
    // The scope was checked here: the account is created as the system would.
    const { user, password } = await this.accounts.create({ ...input, role: 'business', unitCode: b.creditCode });
    const out = { id: user.id, username: user.username, displayName: user.displayName, disabled: user.disabled };
    return input.password === undefined ? { user: out, password } : { user: out };
  }

  async users(p: StaffPrincipal, creditCode: string) {
    const b = await this.managed(p, creditCode);
    const { items } = await this.accounts.list({ role: 'business', unitCode: b.creditCode, limit: 500 });
    return items.map((u) => ({ id: u.id, username: u.username, displayName: u.displayName, disabled: u.disabled }));
  }

  /** The business's own record (the portal's profile page). */
  async own(p: StaffPrincipal): Promise<BusinessDto> {
    const b = p.role === 'business' && p.unit ? await this.repo.find(p.unit.code) : null;
    if (!b) throw NOT_FOUND();
    return view(b);
  }

  /** The business's public statement, by one of its users. */
  async setStatement(p: StaffPrincipal, statement: string | null): Promise<BusinessDto> {
    const b = await this.own(p);
    await this.repo.setStatement(b.creditCode, statement);
    return view((await this.repo.find(b.creditCode))!);
  }

  private scope(p: StaffPrincipal): EnrolScope {
    const scope = enrolScope(p);
    if (!scope) throw new LocalizedException(403, NOT_ALLOWED);
    return scope;
  }

  private async managed(p: StaffPrincipal, creditCode: string): Promise<BusinessRow> {
    const scope = this.scope(p);
    const b = /^[0-9A-Z]{18}$/.test(creditCode) ? await this.repo.find(creditCode) : null;
    if (!b || !covers(scope, b)) throw NOT_FOUND();
    return b;
  }

  /** The area exists, the venue (if any) exists and lies in it, and the caller may enrol there. */
  private async checkPlace(scope: EnrolScope, areaCode: string, venueCode: string | null): Promise<void> {
    const problems: FieldProblem[] = [];
    if (!(await this.repo.areaExists(areaCode)))
      problems.push({
        field: 'areaCode',
        message: { zh: `不是本市的区县编码（${areaCode}）`, en: `is not an area of the city (${areaCode})` },
      });
    if (venueCode !== null) {
      const venueArea = await this.repo.venueArea(venueCode);
      if (venueArea === null)
        problems.push({ field: 'venueCode', message: { zh: `没有这个场所（${venueCode}）`, en: `no such venue (${venueCode})` } });
      else if (venueArea !== areaCode)
        problems.push({
          field: 'venueCode',
          message: { zh: `场所位于 ${venueArea}，与所在区县 ${areaCode} 不符`, en: `the venue is in ${venueArea}, not in ${areaCode}` },
        });
    }
    if (problems.length) throw invalid(problems);
    if (!covers(scope, { areaCode, venueCode })) {
      const o = outsideScope(scope);
      throw new LocalizedException(403, o.message, [{ field: o.field, message: o.message }]);
    }
  }
}

function view(b: BusinessRow): BusinessDto {
  return {
    creditCode: b.creditCode,
    name: b.name,
    areaCode: b.areaCode,
    areaName: b.areaName,
    venueCode: b.venueCode,
    venueName: b.venueName,
    platform: b.platform,
    phone: b.phone,
    address: b.address,
    odrActive: b.suspendedAt === null,
    suspendedAt: b.suspendedAt?.toISOString() ?? null,
    suspendedReason: b.suspendedReason,
    statement: b.statement,
    users: b.users,
    enrolledAt: b.enrolledAt.toISOString(),
    enrolledBy: b.enrolledBy,
  };
}
