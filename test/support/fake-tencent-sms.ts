import { createHash, createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A SendSms request as Tencent Cloud receives it, after its signature was checked. */
export interface TencentSendSms {
  PhoneNumberSet: string[];
  SmsSdkAppId: string;
  SignName: string;
  TemplateId: string;
  TemplateParamSet: string[];
}

const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const hmac = (key: string | Buffer, data: string) => createHmac('sha256', key).update(data).digest();

/**
 * A local stand-in for Tencent Cloud SMS's API 3.0 (POST / with X-TC-Action: SendSms), enough to
 * test the adapter as the SDK really calls it: it checks the TC3-HMAC-SHA256 signature against the
 * secret key it was given (a request signed with another key is refused like Tencent refuses it),
 * records what was sent, and can answer a per-number failure code instead of `Ok`.
 */
export class FakeTencentSms {
  readonly received: TencentSendSms[] = [];
  /** Per-number status codes for the next sends (e.g. LimitExceeded.PhoneNumberDailyLimit); `Ok` once empty. */
  readonly nextCodes: string[] = [];
  private server?: Server;

  constructor(
    readonly secretId: string,
    readonly secretKey: string,
  ) {}

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      void read(req).then((body) => {
        const answer = this.answer(req, body);
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ Response: answer }));
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private answer(req: IncomingMessage, body: Buffer): Record<string, unknown> {
    const requestId = `fake-${this.received.length + 1}`;
    const refused = (code: string, message: string) => ({ Error: { Code: code, Message: message }, RequestId: requestId });
    if (req.headers['x-tc-action'] !== 'SendSms' || req.headers['x-tc-version'] !== '2021-01-11')
      return refused('InvalidAction', 'unsupported');
    if (!this.signatureValid(req, body)) return refused('AuthFailure.SignatureFailure', 'The provided credentials could not be validated.');
    const request = JSON.parse(body.toString('utf8')) as TencentSendSms;
    this.received.push(request);
    const code = this.nextCodes.shift() ?? 'Ok';
    return {
      SendStatusSet: request.PhoneNumberSet.map((phone, i) => ({
        SerialNo: `${requestId}-${i}`,
        PhoneNumber: phone,
        Fee: 1,
        SessionContext: '',
        Code: code,
        Message: code === 'Ok' ? 'send success' : 'refused by the fake',
        IsoCode: 'CN',
      })),
      RequestId: requestId,
    };
  }

  /** TC3-HMAC-SHA256 as Tencent documents it: the canonical request, the string to sign, the derived key. */
  private signatureValid(req: IncomingMessage, body: Buffer): boolean {
    const auth =
      /^TC3-HMAC-SHA256 Credential=([^/]+)\/(\d{4}-\d{2}-\d{2})\/([^/]+)\/tc3_request, SignedHeaders=([^,]+), Signature=([0-9a-f]{64})$/.exec(
        String(req.headers.authorization ?? ''),
      );
    if (!auth) return false;
    const [, secretId, date, service, signedHeaders, signature] = auth;
    if (secretId !== this.secretId) return false;
    const headers = signedHeaders
      .split(';')
      .map((h) => `${h}:${h === 'host' ? String(req.headers.host).replace(/:\d+$/, '') : String(req.headers[h] ?? '')}\n`)
      .join('');
    const canonical = ['POST', '/', '', headers, signedHeaders, sha256(body)].join('\n');
    const timestamp = String(req.headers['x-tc-timestamp']);
    const toSign = ['TC3-HMAC-SHA256', timestamp, `${date}/${service}/tc3_request`, sha256(canonical)].join('\n');
    const key = hmac(hmac(hmac(`TC3${this.secretKey}`, date), service), 'tc3_request');
    return createHmac('sha256', key).update(toSign).digest('hex') === signature;
  }
}

function read(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}
