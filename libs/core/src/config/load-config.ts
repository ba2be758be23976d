import { AppConfig, ConfigError } from './app-config';

/**
 * Reads the environment for an entrypoint. On a bad value it prints what is wrong and exits 1,
 * before any connection is opened.
 */
export function loadConfigOrExit(env: NodeJS.ProcessEnv = process.env): AppConfig {
  try {
    return AppConfig.fromEnv(env);
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(err.message + '\n');
      process.exit(1);
    }
    throw err;
  }
}
