import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { AppConfig } from '@weiquan/core';
import { LocalizedException } from '@weiquan/core';
import type { ImportMode, ImportReport } from '@weiquan/directory';
import { DirectoryImportService, DirectorySeeder, DirectoryService } from '@weiquan/directory';
import type { BusinessImportReport } from '@weiquan/business/import/business-import.service';
import { BusinessImportService } from '@weiquan/business/import/business-import.service';
import { DemoBusiness } from '@weiquan/business';
import { AccountsService, DemoAccounts } from '@weiquan/identity';
import { RollupService } from '@weiquan/stats';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
import { CaseTextsRepository } from '@weiquan/cases/lifecycle/case-texts.repository';
import { CliModule } from './cli.module';

export const USAGE = `用法 / usage: weiquan-cli <command>

  migrate                       运行数据库迁移 / apply database migrations
  seed                          补充目录种子数据（不覆盖已有数据）/ add missing directory seed rows
  setup                         migrate + seed + 演示账号（NODE_ENV=production 时不建）写入 <DATA_DIR>/demo-accounts.json
                                + demo accounts (not in production), written to <DATA_DIR>/demo-accounts.json
  admin:create <username>       新建系统管理员，随机密码只显示这一次 / create an administrator; prints its generated password once
  directory:import <file>       导入服务站名单（CSV 或 JSON），全部成功或全部不导入
                                import the bureau's station list (CSV or JSON), all or nothing
      --mode replace|merge      replace（默认）：文件即完整名单，未列出的站点停用；merge：仅新增和更新
      --dry-run                 只检查，不写入 / check only, write nothing
      --format csv|json         默认按文件扩展名判断 / default: by file extension
  directory:import <file> --businesses [--dry-run] [--format csv|json]
                                导入在线消费纠纷解决企业（CSV 或 JSON），全部成功或全部不导入；只新增和更新，
                                不删除、不暂停；新登记的经营者记为由 cli 登记
                                import businesses enrolled for online dispute resolution, all or nothing;
                                merge only (adds and updates, never deletes or suspends); enrolled by 'cli'
      CSV：首行为列名（中文或英文），如 / a header row of Chinese or English names, e.g.
        统一社会信用代码,经营者名称,区县代码,场所编码,平台,联系电话,地址
        91371502MA3C8X2Q13,聊城市某某餐饮有限公司,371502,V-371502-001,否,0635-8888888,东昌府区东昌路 88 号
      JSON：对象数组，或 {"businesses": [...]}；字段 / an array, or {"businesses": [...]}, of
        creditCode, name, areaCode, venueCode, platform, phone, address
      统一社会信用代码、名称（2–100 字）、区县代码必填；场所须在该区县；平台 是/否（默认否）；电话 ≤30、地址 ≤200 字；
      文件未列出的列保留已登记经营者的原值 / creditCode (with its check character), name (2–100) and areaCode are
      required; the venue must lie in the area; platform true/false (default false); phone ≤30, address ≤200;
      a column the file leaves out keeps an enrolled business's value
  directory:alert-email <unit code> [<email>]
                                设置服务站或监管部门的提醒邮箱（期限提醒、超期和升级的每日邮件）；不给邮箱则清除
                                set a station's or regulator's alert email (the daily email of its deadline reminders,
                                misses and escalations); without an email it is cleared
  data:seal-texts               加密此前明文保存的投诉描述和诉求（setup 时自动运行，可重复运行）
                                encrypt the descriptions and demands stored in clear before (run by setup; repeatable)
  stats:rebuild                 由案件历史重算全部统计汇总（一个事务，期间读到的仍是旧数据）
                                recompute every statistics rollup from the case history (one transaction)
  sms:templates                 列出需向短信服务商报备的模板及示例（不连接数据库）
                                the SMS templates to register with the provider, with examples (no database)
`;

const MODES: ImportMode[] = ['replace', 'merge'];

export async function runCommand(
  config: AppConfig,
  command: string,
  args: string[],
  options: { mode?: string; 'dry-run'?: boolean; format?: string; businesses?: boolean },
): Promise<number> {
  const mode = options.mode ?? 'replace';
  if (command === 'directory:import') {
    if (args.length !== 1) return usage('directory:import 需要一个文件路径 / needs one file path');
    if (options.businesses) {
      if (options.mode !== undefined && options.mode !== 'merge')
        return usage('经营者导入只新增和更新，不能用 --mode / the business import is merge only: leave out --mode');
    } else if (!MODES.includes(mode as ImportMode)) return usage(`--mode 应为 replace 或 merge / --mode must be replace or merge`);
    if (options.format && options.format !== 'csv' && options.format !== 'json')
      return usage('--format 应为 csv 或 json / --format must be csv or json');
  } else if (options.businesses) {
    return usage('--businesses 只用于 directory:import / --businesses goes with directory:import only');
  } else if (command === 'admin:create') {
    if (args.length !== 1) return usage('admin:create 需要一个用户名 / needs one username');
  } else if (command === 'directory:alert-email') {
    if (args.length < 1 || args.length > 2)
      return usage('directory:alert-email 需要单位编码，可再给一个邮箱 / needs a unit code, and optionally an email');
  } else if (!['migrate', 'seed', 'setup', 'stats:rebuild', 'data:seal-texts'].includes(command)) {
    return usage(`未知命令 / unknown command "${command}"`);
  }

  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    if (command === 'migrate' || command === 'setup') {
      const ran = await app.get<DataSource>(getDataSourceToken()).runMigrations({ transaction: 'each' });
      process.stdout.write(`migrations applied: ${ran.length ? ran.map((m) => m.name).join(', ') : 'none (up to date)'}\n`);
    }
    if (command === 'seed' || command === 'setup') {
      const added = await app.get(DirectorySeeder).seed();
      process.stdout.write(`directory seed rows added: ${JSON.stringify(added)}\n`);
    }
    if (command === 'data:seal-texts' || command === 'setup') {
      const sealed = await app.get(CaseTextsRepository).sealLegacy();
      if (sealed || command === 'data:seal-texts') process.stdout.write(`case texts sealed: ${sealed}\n`);
    }
    if (command === 'setup') {
      if (config.nodeEnv === 'production') {
        process.stdout.write('demo accounts: none in production (create an administrator with "admin:create <username>")\n');
      } else {
        // The demo business first: the demo accounts include one of its users.
        const business = await app.get(DemoBusiness).ensure();
        if (business?.added) process.stdout.write(`demo business enrolled: ${business.creditCode}\n`);
        const demo = await app.get(DemoAccounts).ensure(config.dataDir);
        process.stdout.write(
          `demo accounts: created ${demo.created.length}, kept ${demo.kept.length}, password reset ${demo.reset.length}` +
            `${demo.skipped.length ? `, skipped ${demo.skipped.join(' ')}` : ''} (${demo.file})\n`,
        );
      }
    }
    if (command === 'admin:create') {
      try {
        const { user, password } = await app.get(AccountsService).create({ username: args[0], displayName: args[0], role: 'admin' });
        process.stdout.write(`administrator ${user.username} created (id ${user.id}); password, shown this once: ${password}\n`);
      } catch (err) {
        if (!(err instanceof LocalizedException)) throw err;
        process.stderr.write(`${err.text.zh} / ${err.text.en}\n`);
        return 1;
      }
    }
    if (command === 'directory:alert-email') {
      const [code, email = ''] = args;
      const r = await app.get(DirectoryService).setAlertEmail(code, email);
      if ('problem' in r) {
        process.stderr.write(`${r.problem.zh} / ${r.problem.en}\n`);
        return 1;
      }
      process.stdout.write(
        r.email ? `${code} (${r.unit}) alert email set: ${r.email}\n` : `${code} (${r.unit}) alert email cleared (no alert emails)\n`,
      );
    }
    if (command === 'stats:rebuild') {
      const r = await app.get(RollupService).rebuild();
      process.stdout.write(`statistics rebuilt: ${r.events} history events replayed, ${r.openCases} open cases\n`);
    }
    if (command === 'directory:import') {
      const [file] = args;
      if (!existsSync(file)) {
        process.stderr.write(`找不到文件 / file not found: ${file}\n`);
        return 1;
      }
      if (options.businesses) {
        const report = await app.get(BusinessImportService).importBusinesses({
          text: await readFile(file, 'utf8'),
          fileName: file,
          format: options.format as 'csv' | 'json' | undefined,
          dryRun: options['dry-run'],
          by: 'cli',
        });
        printBusinessReport(file, report);
        return report.accepted ? 0 : 1;
      }
      const report = await app.get(DirectoryImportService).importStations({
        text: await readFile(file, 'utf8'),
        fileName: file,
        format: options.format as 'csv' | 'json' | undefined,
        mode: mode as ImportMode,
        dryRun: options['dry-run'],
      });
      printReport(file, report);
      return report.accepted ? 0 : 1;
    }
    return 0;
  } finally {
    await app.close();
  }
}

function usage(problem: string): number {
  process.stderr.write(`${problem}\n\n${USAGE}`);
  return 2;
}

function printProblems(problems: { line: number; field?: string; message: string; messageEn: string }[]): void {
  for (const p of problems) {
    const where = p.line > 0 ? `第 ${p.line} 行 (line ${p.line})` : '文件 (file)';
    process.stderr.write(`  ${where}${p.field ? ` [${p.field}]` : ''}: ${p.message} / ${p.messageEn}\n`);
  }
}

function printBusinessReport(file: string, r: BusinessImportReport): void {
  if (!r.accepted) {
    process.stderr.write(`导入被拒绝，未作任何改动 / import refused, nothing changed: ${file}\n`);
    printProblems(r.problems);
    return;
  }
  const verb = r.dryRun ? '检查通过（未写入）/ check passed (nothing written)' : '导入完成 / imported';
  process.stdout.write(`${verb}: ${r.rows} 行 rows; 新登记 added ${r.added}, 更新 updated ${r.updated}, 无变化 unchanged ${r.unchanged}\n`);
}

function printReport(file: string, r: ImportReport): void {
  if (!r.accepted) {
    process.stderr.write(`导入被拒绝，目录未作任何改动 / import refused, the directory is unchanged: ${file}\n`);
    printProblems(r.problems);
    return;
  }
  const verb = r.dryRun ? '检查通过（未写入）/ check passed (nothing written)' : '导入完成 / imported';
  process.stdout.write(
    `${verb}: ${r.rows} 行 rows; 新增 created ${r.created}, 更新 updated ${r.updated}, 停用 deactivated ${r.deactivated}, 新场所 new venues ${r.venuesCreated}\n`,
  );
}
