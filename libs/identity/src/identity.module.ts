import { Module } from '@nestjs/common';
import { AccountsService } from './accounts/accounts.service';
import { AdminUsersController } from './accounts/admin-users.controller';
import { StaffRepository } from './accounts/staff.repository';
import { AuthController } from './auth/auth.controller';
import { AuthService } from './auth/auth.service';
import { LoginLimiter } from './auth/login-limiter';
import { LoginThrottle } from './auth/login-throttle';
import { LoginThrottleRepository } from './auth/login-throttle.repository';
import { SessionsRepository } from './auth/sessions.repository';
import { StaffAuthGuard } from './auth/staff-auth.guard';
import { StaffAuthenticator } from './auth/staff-authenticator';
import { DemoAccounts } from './demo/demo-accounts';
import { TokenService } from './token/token.service';

/** What the identity module offers other modules (its throttle's repository stays inside). */
const SHARED = [
  StaffRepository,
  SessionsRepository,
  TokenService,
  StaffAuthenticator,
  StaffAuthGuard,
  AccountsService,
  DemoAccounts,
  LoginThrottle,
];

/**
 * Staff identity for any process: the auth guard and what it needs (token checking, the account
 * lookup), account management and the demo accounts. No routes, no Redis: the CLI imports it too.
 * An API module that imports it can put `@UseGuards(StaffAuthGuard)` or `@Roles(...)` on routes.
 */
@Module({
  providers: [...SHARED, LoginThrottleRepository],
  exports: [...SHARED],
})
export class IdentityModule {}

/** The routes: login, token refresh, the caller's principal, account administration (API only; the login limit uses Redis). */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, AdminUsersController],
  providers: [AuthService, LoginLimiter],
})
export class IdentityApiModule {}
