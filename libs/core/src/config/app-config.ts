import { z } from 'zod';
import type { TrustProxy } from './trust-proxy';
import { trustProxySchema } from './trust-proxy';
import type { SmsConfig } from './sms-config';
import { checkSmsConfig, smsConfig, smsSchema } from './sms-config';

/**
 * Everything the processes read from the environment, validated once at boot.
 * A bad value stops the process with a message naming the variable (see ConfigError).
 */
const int = (min: number, max: number) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, { message: `must be an integer between ${min} and ${max}` })
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, { message: `must be ≥ ${min}` })
        .max(max, { message: `must be ≤ ${max}` }),
    );

const bool = z
  .string()
  .trim()
  .toLowerCase()
  .refine((v) => ['true', 'false', '1', '0', 'yes', 'no'].includes(v), { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');

const url = (protocols: string[]) =>
  z
    .string()
    .trim()
    .refine(
      (v) => {
        try {
          return protocols.includes(new URL(v).protocol);
        } catch {
          return false;
        }
      },
      { message: `must be a URL starting with ${protocols.map((p) => p + '//').join(' or ')}` },
    );

/** A JSON object (its fields are checked by the library that reads it). */
const jsonObject = z
  .string()
  .trim()
  .transform((v, ctx) => {
    try {
      const o: unknown = JSON.parse(v);
      if (o && typeof o === 'object' && !Array.isArray(o)) return o as Record<string, unknown>;
    } catch {
      // answered below
    }
    ctx.addIssue({ code: 'custom', message: 'must be a JSON object' });
    return z.NEVER;
  });

/** 32 random bytes, base64-encoded: `openssl rand -base64 32`. */
const key32 = z
  .string()
  .trim()
  .refine((v) => Buffer.from(v, 'base64').length === 32, { message: 'must be 32 bytes encoded as base64 (openssl rand -base64 32)' });

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().trim().min(1).default('127.0.0.1'),
  PORT: int(1, 65535).default(3000),
  DATABASE_URL: url(['postgres:', 'postgresql:']),
  DATABASE_POOL_SIZE: int(1, 200).default(10),
  DATABASE_SSL: bool.default(false),
  DATABASE_ACQUIRE_TIMEOUT_MS: int(100, 600_000).default(2000),
  DATABASE_STATEMENT_TIMEOUT_MS: int(0, 86_400_000).default(15_000),
  REDIS_URL: url(['redis:', 'rediss:']).default('redis://127.0.0.1:6379'),
  QUEUE_PREFIX: z
    .string()
    .trim()
    .regex(/^[a-z0-9_-]{1,32}$/i, { message: 'must be 1–32 letters, digits, _ or -' })
    .default('wq'),
  DATA_DIR: z.string().trim().min(1).default('./data'),
  WEB_DIST_DIR: z.string().trim().min(1).default('./dist/web'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  LOG_PRETTY: bool.default(false),
  DATA_KEY: key32,
  TOKEN_SECRET: key32,
  WORKER_CONCURRENCY: int(1, 256).default(8),
  QUEUE_DASHBOARD: bool.default(true),
  METRICS_TOKEN: z.string().trim().min(16, { message: 'must be at least 16 characters' }).optional(),
  DOCS_ENABLED: bool.optional(),
  HSTS: bool.default(false),
  API_PROCESSES: int(1, 64).default(1),
  SETTLEMENT_TAKE_UP_DAYS: int(1, 30).default(2),
  SETTLEMENT_DAYS: int(1, 60).default(10),
  SETTLEMENT_REOPEN_DAYS: int(0, 60).default(7),
  REPORTER_NOTICE_DAYS: int(0, 60).default(5),
  FOLLOW_UP_DAYS: int(0, 60).default(10),
  ROUTING_RECONCILE_AFTER_SECONDS: int(0, 86_400).default(60),
  WORKER_METRICS_PORT: int(0, 65535).default(0),
  INTAKE_RATE_LIMIT: int(1, 1_000_000).default(20),
  LOOKUP_RATE_LIMIT: int(1, 1_000_000).default(120),
  SMTP_URL: url(['smtp:', 'smtps:']).optional(),
  SMTP_FROM: z.string().trim().min(1).max(320).default('聊城市消费维权 <noreply@localhost>'),
  PUBLIC_BASE_URL: url(['https:', 'http:'])
    .refine((v) => !/[?#]/.test(v), { message: 'must be the site address alone, without ? or #' })
    .optional(),
  TOKEN_TTL_SECONDS: int(1, 604_800).default(900),
  LOGIN_MAX_FAILURES: int(1, 1000).default(5),
  LOGIN_LOCK_MINUTES: int(1, 10_080).default(15),
  LOGIN_RATE_LIMIT: int(1, 1_000_000).default(30),
  SESSION_MAX_HOURS: int(1, 720).default(12),
  TRUST_PROXY: trustProxySchema.default(false),
  EARLY_WARNING_THRESHOLDS: jsonObject.optional(),
  ...smsSchema,
});

export type AppConfigValues = z.output<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super('配置无效 / invalid configuration:\n' + problems.map((p) => `  - ${p.variable}: ${p.message}`).join('\n'));
    this.name = 'ConfigError';
  }
}

/** Typed, read-only configuration. Injected by class: `constructor(private readonly config: AppConfig)`. */
export class AppConfig {
  readonly nodeEnv!: AppConfigValues['NODE_ENV'];
  readonly host!: string;
  readonly port!: number;
  /**
   * `acquireTimeoutMs`: how long a request waits for a pooled connection (or a new one) before it is
   * answered 503; `statementTimeoutMs`: the longest statement of the API process (0: none), also a
   * 503. Workers, migrations and the CLI run without a statement timeout (rollup rebuilds are long).
   */
  readonly database!: { url: string; poolSize: number; ssl: boolean; acquireTimeoutMs: number; statementTimeoutMs: number };
  readonly redis!: { url: string; prefix: string };
  readonly dataDir!: string;
  readonly webDistDir!: string;
  readonly log!: { level: AppConfigValues['LOG_LEVEL']; pretty: boolean };
  readonly secrets!: { dataKey: Buffer; tokenSecret: Buffer };
  readonly worker!: { concurrency: number };
  /** API processes on this machine sharing the port (node:cluster); 1 = just this one. */
  readonly apiProcesses!: number;
  /** A worker's Prometheus port (0: none). */
  readonly workerMetricsPort!: number | null;
  /** How long a case may wait for routing before PostgreSQL's copy is enqueued again. */
  readonly routing!: { reconcileAfterSeconds: number };
  /**
   * The city's periods for settlement at the source (协商和解), in working days: a station takes the
   * case up, and an outcome is reached (a business answers within `days`); when either passes, the
   * case becomes a formal complaint. `reopenDays` (calendar days): how long after accepting an offer
   * the consumer may say it was not delivered, which reopens the case as a formal complaint.
   */
  readonly settlement!: { takeUpDays: number; days: number; reopenDays: number };
  /**
   * The city's own periods where the law sets none, in working days (0 turns one off): telling a
   * real-name reporter whether a case was opened, and the follow-up visit after closing.
   */
  readonly cityPolicy!: { reporterNoticeDays: number; followUpDays: number };
  /** bull-board at /admin/queues, for administrators only (bearer token or the wq_token cookie). */
  readonly queueDashboard!: boolean;
  /**
   * HTTP exposure: the bearer token /metrics requires (null: open outside production, refused in
   * production); Swagger UI and the document at /docs (default: on outside production); HSTS on every
   * answer (for a TLS proxy the API does not trust; otherwise sent only when the request was HTTPS).
   */
  readonly http!: { metricsToken: string | null; docsEnabled: boolean; hsts: boolean };
  /** Requests per minute per client: submissions, and lookups (status, uploads, rating). */
  readonly rateLimits!: { intakePerMinute: number; lookupPerMinute: number };
  /** Consumer notifications: email only when an SMTP server is configured (SMS always, see SmsGateway). */
  /** SMTP for emails; the site's public address, which emails link to (none: they carry no link). */
  readonly notifications!: { smtpUrl: string | null; smtpFrom: string; publicBaseUrl: string | null };
  /**
   * Staff sign-in: access-token lifetime; consecutive failed logins before an account is locked, and
   * for how long; login attempts per client per minute (held in Redis).
   */
  readonly auth!: { tokenTtlSeconds: number; maxFailures: number; lockMinutes: number; loginPerMinute: number; sessionMaxHours: number };
  /** Express's `trust proxy`: which proxies may name the client in X-Forwarded-For (default none). */
  readonly trustProxy!: TrustProxy;
  /** The SMS provider (none: messages are recorded as not sent), its credentials and the template of each notification kind. */
  readonly sms!: SmsConfig;
  /**
   * The early warning's thresholds as the operator overrides them (EARLY_WARNING_THRESHOLDS, a
   * partial JSON object; libs/warnings checks its fields at boot and fills in the defaults).
   */
  readonly earlyWarning!: { thresholds: Record<string, unknown> };

  static fromEnv(env: Record<string, string | undefined>): AppConfig {
    // Empty strings count as unset, as in most shells' `VAR= cmd`.
    const input = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
    const parsed = schema.superRefine(checkSmsConfig).safeParse(input);
    if (!parsed.success) {
      throw new ConfigError(
        parsed.error.issues.map((issue) => {
          const variable = String(issue.path[0] ?? '?');
          const given = env[variable];
          const missing = given === undefined || given === '';
          return {
            variable,
            message: missing ? 'is required but not set' : `${issue.message} (got ${JSON.stringify(given)})`,
          };
        }),
      );
    }
    const v = parsed.data;
    return Object.freeze(
      Object.assign(new AppConfig(), {
        nodeEnv: v.NODE_ENV,
        host: v.HOST,
        port: v.PORT,
        database: {
          url: v.DATABASE_URL,
          poolSize: v.DATABASE_POOL_SIZE,
          ssl: v.DATABASE_SSL,
          acquireTimeoutMs: v.DATABASE_ACQUIRE_TIMEOUT_MS,
          statementTimeoutMs: v.DATABASE_STATEMENT_TIMEOUT_MS,
        },
        redis: { url: v.REDIS_URL, prefix: v.QUEUE_PREFIX },
        dataDir: v.DATA_DIR,
        webDistDir: v.WEB_DIST_DIR,
        log: { level: v.LOG_LEVEL, pretty: v.LOG_PRETTY },
        secrets: { dataKey: Buffer.from(v.DATA_KEY, 'base64'), tokenSecret: Buffer.from(v.TOKEN_SECRET, 'base64') },
        worker: { concurrency: v.WORKER_CONCURRENCY },
        apiProcesses: v.API_PROCESSES,
        workerMetricsPort: v.WORKER_METRICS_PORT || null,
        routing: { reconcileAfterSeconds: v.ROUTING_RECONCILE_AFTER_SECONDS },
        settlement: { takeUpDays: v.SETTLEMENT_TAKE_UP_DAYS, days: v.SETTLEMENT_DAYS, reopenDays: v.SETTLEMENT_REOPEN_DAYS },
        cityPolicy: { reporterNoticeDays: v.REPORTER_NOTICE_DAYS, followUpDays: v.FOLLOW_UP_DAYS },
        queueDashboard: v.QUEUE_DASHBOARD,
        http: { metricsToken: v.METRICS_TOKEN ?? null, docsEnabled: v.DOCS_ENABLED ?? v.NODE_ENV !== 'production', hsts: v.HSTS },
        rateLimits: { intakePerMinute: v.INTAKE_RATE_LIMIT, lookupPerMinute: v.LOOKUP_RATE_LIMIT },
        notifications: {
          smtpUrl: v.SMTP_URL ?? null,
          smtpFrom: v.SMTP_FROM,
          publicBaseUrl: v.PUBLIC_BASE_URL?.replace(/\/+$/, '') ?? null,
        },
        auth: {
          tokenTtlSeconds: v.TOKEN_TTL_SECONDS,
          maxFailures: v.LOGIN_MAX_FAILURES,
          lockMinutes: v.LOGIN_LOCK_MINUTES,
          loginPerMinute: v.LOGIN_RATE_LIMIT,
          sessionMaxHours: v.SESSION_MAX_HOURS,
        },
        trustProxy: v.TRUST_PROXY,
        sms: smsConfig(v),
        earlyWarning: { thresholds: v.EARLY_WARNING_THRESHOLDS ?? {} },
      }),
    );
  }
}
