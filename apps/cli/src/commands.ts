import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { AppConfig } from '@weiquan/core';
import { LocalizedException } from '@weiquan/core';
import type { ImportMode, ImportReport } from '@weiquan/directory';
import { DirectoryImportService, DirectorySeeder } from '@weiquan/directory';
import { AccountsService, DemoAccounts } from '@weiquan/identity';
import { RollupService } from '@weiquan/stats';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import type { DataSource } from 'typeorm';
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
  stats:rebuild                 由案件历史重算全部统计汇总（一个事务，期间读到的仍是旧数据）
                                recompute every statistics rollup from the case history (one transaction)
`;

const MODES: ImportMode[] = ['replace', 'merge'];

export async function runCommand(
  config: AppConfig,
  command: string,
  args: string[],
  options: { mode?: string; 'dry-run'?: boolean; format?: string },
): Promise<number> {
  if (command === 'directory:import') {
    if (args.length !== 1) return usage('directory:import 需要一个文件路径 / needs one file path');
    if (!MODES.includes(options.mode as ImportMode)) return usage(`--mode 应为 replace 或 merge / --mode must be replace or merge`);
    if (options.format && options.format !== 'csv' && options.format !== 'json')
      return usage('--format 应为 csv 或 json / --format must be csv or json');
  } else if (command === 'admin:create') {
    if (args.length !== 1) return usage('admin:create 需要一个用户名 / needs one username');
  } else if (!['migrate', 'seed', 'setup', 'stats:rebuild'].includes(command)) {
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
    if (command === 'setup') {
      if (config.nodeEnv === 'production') {
        process.stdout.write('demo accounts: none in production (create an administrator with "admin:create <username>")\n');
      } else {
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
      const report = await app.get(DirectoryImportService).importStations({
        text: await readFile(file, 'utf8'),
        fileName: file,
        format: options.format as 'csv' | 'json' | undefined,
        mode: options.mode as ImportMode,
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

function printReport(file: string, r: ImportReport): void {
  if (!r.accepted) {
    process.stderr.write(`导入被拒绝，目录未作任何改动 / import refused, the directory is unchanged: ${file}\n`);
    for (const p of r.problems) {
      const where = p.line > 0 ? `第 ${p.line} 行 (line ${p.line})` : '文件 (file)';
      process.stderr.write(`  ${where}${p.field ? ` [${p.field}]` : ''}: ${p.message} / ${p.messageEn}\n`);
    }
    return;
  }
  const verb = r.dryRun ? '检查通过（未写入）/ check passed (nothing written)' : '导入完成 / imported';
  process.stdout.write(
    `${verb}: ${r.rows} 行 rows; 新增 created ${r.created}, 更新 updated ${r.updated}, 停用 deactivated ${r.deactivated}, 新场所 new venues ${r.venuesCreated}\n`,
  );
}
