import { Injectable, Logger } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { AccountsService } from '../accounts/accounts.service';
import { verifyPassword } from '../accounts/passwords';
import { StaffRepository, UnitRow } from '../accounts/staff.repository';
import type { StaffRole } from '../roles';

/** One line of `<dataDir>/demo-accounts.json`, which `npm start` prints. */
export interface DemoAccountEntry {
  username: string;
  password: string;
  role: StaffRole;
  unitCode: string | null;
  unitName: string | null;
}

export interface DemoAccountsReport {
  file: string;
  created: string[];
  /** Existing accounts whose password was reset because the file did not have it. */
  reset: string[];
  kept: string[];
  /** Accounts that could not be made (their unit is missing from the directory). */
  skipped: string[];
}

export const DEMO_ACCOUNTS_FILE = 'demo-accounts.json';

interface Plan {
  username: string;
  displayName: string;
  role: StaffRole;
  unit: UnitRow | null;
  needsUnit: boolean;
}

/**
 * One demo account per role, for trying the system: a station's staff and administrator (the first
 * active station of 东昌府区 at a venue), the 东昌府区 market-regulation bureau and a sector
 * regulator as regulator staff, a city analyst, an administrator, and a user of the demo business
 * (an enrolled tenant of the station's venue, added by the setup before the accounts). Passwords are random, made on
 * the first setup and written to `<dataDir>/demo-accounts.json` (mode 0600); later setups keep the
 * accounts and the file. An account missing from the file, or whose password in the file does not
 * work in this database (the data directory was started against another DATABASE_URL), gets a new
 * password and is written to it: the file never lists a password that does not sign in.
 */
@Injectable()
export class DemoAccounts {
  private readonly logger = new Logger('demo-accounts');

  constructor(
    private readonly accounts: AccountsService,
    private readonly staff: StaffRepository,
  ) {}

  async ensure(dataDir: string): Promise<DemoAccountsReport> {
    const file = join(dataDir, DEMO_ACCOUNTS_FILE);
    const { station, county, sector, business } = await this.staff.demoUnits();
    const plans: Plan[] = [
      { username: 'demo-station-staff', displayName: '演示·服务站工作人员', role: 'station-staff', unit: station, needsUnit: true },
      { username: 'demo-station-admin', displayName: '演示·服务站管理员', role: 'station-admin', unit: station, needsUnit: true },
      { username: 'demo-county', displayName: '演示·区市场监管局', role: 'regulator-staff', unit: county, needsUnit: true },
      { username: 'demo-sector', displayName: '演示·行业监管部门', role: 'regulator-staff', unit: sector, needsUnit: true },
      { username: 'demo-analyst', displayName: '演示·市级统计分析', role: 'city-analyst', unit: null, needsUnit: false },
      { username: 'demo-admin', displayName: '演示·系统管理员', role: 'admin', unit: null, needsUnit: false },
      { username: 'demo-business', displayName: '演示·经营者', role: 'business', unit: business, needsUnit: true },
    ];
    const previous = await readEntries(file);
    const report: DemoAccountsReport = { file, created: [], reset: [], kept: [], skipped: [] };
    const entries: DemoAccountEntry[] = [];
    for (const plan of plans) {
      const existing = await this.accounts.byUsername(plan.username);
      const listed = previous.find((e) => e.username === plan.username);
      if (existing && listed && (await this.works(plan.username, listed.password))) {
        entries.push({ ...listed, role: existing.role, unitCode: existing.unit?.code ?? null, unitName: existing.unit?.name ?? null });
        report.kept.push(plan.username);
      } else if (existing) {
        const { user, password } = await this.accounts.resetPassword(existing.id);
        entries.push({
          username: user.username,
          password,
          role: user.role,
          unitCode: user.unit?.code ?? null,
          unitName: user.unit?.name ?? null,
        });
        report.reset.push(plan.username);
      } else if (plan.needsUnit && !plan.unit) {
        report.skipped.push(plan.username);
      } else {
        const { user, password } = await this.accounts.create({
          username: plan.username,
          displayName: plan.displayName,
          role: plan.role,
          unitCode: plan.unit?.code,
        });
        entries.push({
          username: user.username,
          password,
          role: user.role,
          unitCode: user.unit?.code ?? null,
          unitName: user.unit?.name ?? null,
        });
        report.created.push(plan.username);
      }
    }
    if (report.created.length || report.reset.length || !existsSync(file) || JSON.stringify(entries) !== JSON.stringify(previous)) {
      await writeEntries(dataDir, file, entries);
    }
    if (report.skipped.length) this.logger.warn(`demo accounts skipped (their unit is not in the directory): ${report.skipped.join(', ')}`);
    return report;
  }

  private async works(username: string, password: string): Promise<boolean> {
    const row = await this.staff.loginRow(username);
    return !!row && (await verifyPassword(row.passwordHash, password));
  }
}

/** An entry of the file as far as it is used: its username and password (the rest is for people to read). */
function isEntry(e: unknown): e is DemoAccountEntry {
  if (typeof e !== 'object' || e === null) return false;
  const { username, password } = e as Record<string, unknown>;
  return typeof username === 'string' && typeof password === 'string';
}

async function readEntries(file: string): Promise<DemoAccountEntry[]> {
  if (!existsSync(file)) return [];
  try {
    const parsed: unknown = JSON.parse(await readFile(file, 'utf8'));
    return Array.isArray(parsed) ? (parsed as unknown[]).filter(isEntry) : [];
  } catch {
    return [];
  }
}

/** Written beside, then renamed: a crash never leaves half a file. Readable by its owner only. */
async function writeEntries(dataDir: string, file: string, entries: DemoAccountEntry[]): Promise<void> {
  await mkdir(dataDir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(entries, null, 2) + '\n', { mode: 0o600 });
  await chmod(tmp, 0o600);
  await rename(tmp, file);
}
