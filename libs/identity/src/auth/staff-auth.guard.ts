import { applyDecorators, CanActivate, createParamDecorator, ExecutionContext, Injectable, SetMetadata, UseGuards } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { LocalizedException } from '@weiquan/core';
import type { Request, Response } from 'express';
import type { StaffPrincipal, StaffRole } from '../roles';
import { StaffAuthenticator, tokenFromHeaders } from './staff-authenticator';

const ROLES_KEY = 'weiquan:staff-roles';

/** A request that passed StaffAuthGuard. */
export type StaffRequest = Request & { staff?: StaffPrincipal };

/**
 * Bearer token → `request.staff`. 401 when the token is missing, malformed, expired, or no longer
 * valid for its account (disabled, re-scoped, password reset); 403 when `@Roles(...)` names roles
 * the caller does not have. Runs its database lookup once per request even if applied twice.
 */
@Injectable()
export class StaffAuthGuard implements CanActivate {
  constructor(
    private readonly auth: StaffAuthenticator,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const http = context.switchToHttp();
    const req = http.getRequest<StaffRequest>();
    if (!req.staff) {
      try {
        req.staff = await this.auth.authenticate(tokenFromHeaders(req.headers));
      } catch (err) {
        if (err instanceof LocalizedException && err.getStatus() === 401)
          http.getResponse<Response>().setHeader('WWW-Authenticate', 'Bearer');
        throw err;
      }
    }
    const roles = this.reflector.getAllAndOverride<StaffRole[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (roles?.length) this.auth.authorize(req.staff, roles);
    return true;
  }
}

/**
 * Only these roles may call the route (or every route of the controller). Applies StaffAuthGuard
 * itself, so `@Roles('admin')` alone is enough; a method's list replaces its controller's.
 */
export const Roles = (...roles: StaffRole[]): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(ROLES_KEY, roles), UseGuards(StaffAuthGuard));

/** `@CurrentStaff() staff: StaffPrincipal`, on a route behind StaffAuthGuard. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffPrincipal => {
  const staff = context.switchToHttp().getRequest<StaffRequest>().staff;
  // A route that forgot the guard refuses rather than running without a caller.
  if (!staff) throw new LocalizedException(401, { zh: '请先登录', en: 'authentication required' });
  return staff;
});
