import { z } from 'zod';

/**
 * SMS provider settings. Chinese providers send only pre-approved templates under a registered
 * signature, so the configuration names the template of each notification kind
 * (`npm run cli -- sms:templates` prints the texts to register).
 */
export const smsSchema = {
  SMS_PROVIDER: z.enum(['none', 'tencent']).default('none'),
  /** The signature (签名) as registered with the provider, without the brackets. */
  SMS_SIGN_NAME: z.string().trim().min(2).max(20).default('聊城市场监管'),
  SMS_TENCENT_SECRET_ID: z.string().trim().min(1).optional(),
  SMS_TENCENT_SECRET_KEY: z.string().trim().min(1).optional(),
  SMS_TENCENT_SDK_APP_ID: z
    .string()
    .trim()
    .regex(/^\d{6,20}$/, { message: 'must be the SmsSdkAppId, digits only' })
    .optional(),
  SMS_TENCENT_REGION: z
    .string()
    .trim()
    .regex(/^[a-z]{2}-[a-z]+$/, { message: 'must be a region such as ap-guangzhou' })
    .default('ap-guangzhou'),
  SMS_TENCENT_ENDPOINT: z
    .string()
    .trim()
    .regex(/^https?:\/\/[^/\s]+$/, { message: 'must be https://host (or http://host:port for a local fake), without a path' })
    .default('https://sms.tencentcloudapi.com'),
  /** `kind=templateId` pairs separated by commas, e.g. `received=1850001,accepted=1850002`. */
  SMS_TEMPLATES: z
    .string()
    .trim()
    .regex(/^[a-z-]+=\w+(\s*,\s*[a-z-]+=\w+)*$/, { message: 'must be kind=templateId pairs separated by commas' })
    .optional(),
};

type SmsValues = z.output<z.ZodObject<typeof smsSchema>>;

export interface SmsConfig {
  provider: 'none' | 'tencent';
  signName: string;
  /** Template id by notification kind (the gateway checks at start that every kind has one). */
  templates: Record<string, string>;
  tencent: { secretId: string; secretKey: string; sdkAppId: string; region: string; endpoint: string } | null;
}

/** A provider needs its credentials and templates: missing ones are named, as any other bad variable. */
export function checkSmsConfig(v: SmsValues, ctx: z.RefinementCtx): void {
  if (v.SMS_PROVIDER !== 'tencent') return;
  for (const name of ['SMS_TENCENT_SECRET_ID', 'SMS_TENCENT_SECRET_KEY', 'SMS_TENCENT_SDK_APP_ID', 'SMS_TEMPLATES'] as const) {
    if (v[name] === undefined) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when SMS_PROVIDER=tencent' });
  }
}

export function smsConfig(v: SmsValues): SmsConfig {
  const templates = Object.fromEntries(
    (v.SMS_TEMPLATES ?? '')
      .split(',')
      .map((pair) => pair.trim().split('='))
      .filter((pair) => pair.length === 2),
  ) as Record<string, string>;
  return {
    provider: v.SMS_PROVIDER,
    signName: v.SMS_SIGN_NAME,
    templates,
    tencent:
      v.SMS_PROVIDER === 'tencent'
        ? {
            secretId: v.SMS_TENCENT_SECRET_ID!,
            secretKey: v.SMS_TENCENT_SECRET_KEY!,
            sdkAppId: v.SMS_TENCENT_SDK_APP_ID!,
            region: v.SMS_TENCENT_REGION,
            endpoint: v.SMS_TENCENT_ENDPOINT,
          }
        : null,
  };
}
