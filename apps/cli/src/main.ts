import 'reflect-metadata';
import { loadConfigOrExit } from '@weiquan/core';
import { parseArgs } from 'node:util';
import { runCommand, USAGE } from './commands';
import { printSmsTemplates } from './sms-templates.command';

/**
 * Operator commands: `migrate`, `seed`, `setup` (both), `directory:import <file> [--mode] [--dry-run]`
 * (`--businesses`: the businesses enrolled for online dispute resolution instead of the stations).
 * Exit code 0 on success, 1 on refusal or failure, 2 on bad usage.
 */
async function main(): Promise<number> {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      // No default here: the station import defaults to replace; the business import has no modes.
      mode: { type: 'string' },
      businesses: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      format: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const [command, ...args] = positionals;
  if (!command || values.help) {
    process.stdout.write(USAGE);
    return command || values.help ? 0 : 2;
  }
  // Needs neither a database nor secrets: what to register with the SMS provider.
  if (command === 'sms:templates') {
    printSmsTemplates();
    return 0;
  }
  return runCommand(loadConfigOrExit(), command, args, values);
}

main().then(
  (code) => process.exit(code),
  (err: Error) => {
    process.stderr.write(`${err.stack ?? err.message}\n`);
    process.exit(1);
  },
);
