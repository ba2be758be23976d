import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '../config/app-config';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Personal data at rest: AES-256-GCM for what must be read back (phone, ID number, address) and a
 * keyed hash for what is only matched (the phone, for duplicates). Keys are derived once at boot
 * from DATA_KEY, never per request.
 */
@Injectable()
export class PersonalDataCipher {
  private readonly encKey: Buffer;
  private readonly macKey: Buffer;

  constructor(config: AppConfig) {
    this.encKey = Buffer.from(hkdfSync('sha256', config.secrets.dataKey, Buffer.alloc(0), 'weiquan:pii:enc:v1', 32));
    this.macKey = Buffer.from(hkdfSync('sha256', config.secrets.dataKey, Buffer.alloc(0), 'weiquan:pii:mac:v1', 32));
  }

  encrypt(plain: string): Buffer {
    return this.seal(Buffer.from(plain, 'utf8'));
  }

  decrypt(sealed: Buffer): string {
    return this.open(sealed).toString('utf8');
  }

  /** Bytes (an attachment's content) sealed the same way: version, IV, tag, ciphertext. */
  seal(plain: Buffer): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([Buffer.of(VERSION), iv, cipher.getAuthTag(), body]);
  }

  /**
   * Sealing in pieces (a streamed upload), to the same layout as seal(): `head` (version and IV) is
   * followed by TAG_BYTES reserved for the tag, which is known only once `final` has run, then the
   * ciphertext. `tagOffset` is where the tag goes, counted from the start of the sealed bytes.
   */
  sealer(): { head: Buffer; tagBytes: number; tagOffset: number; update(chunk: Buffer): Buffer; final(): { last: Buffer; tag: Buffer } } {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.encKey, iv);
    return {
      head: Buffer.concat([Buffer.of(VERSION), iv]),
      tagBytes: TAG_BYTES,
      tagOffset: 1 + IV_BYTES,
      update: (chunk) => cipher.update(chunk),
      final: () => ({ last: cipher.final(), tag: cipher.getAuthTag() }),
    };
  }

  open(sealed: Buffer): Buffer {
    if (sealed[0] !== VERSION) throw new Error(`unknown personal-data cipher version ${sealed[0]}`);
    const iv = sealed.subarray(1, 1 + IV_BYTES);
    const tag = sealed.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
    const decipher = createDecipheriv('aes-256-gcm', this.encKey, iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(sealed.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
  }

  /**
   * Free text kept encrypted (a complaint's description and demand): the sealed value when there is
   * one, else the text as stored before it was encrypted (rows not yet sealed by `cli data:seal-texts`).
   */
  openText(sealed: Buffer | null, legacy: string | null): string {
    return sealed ? this.decrypt(Buffer.from(sealed)) : (legacy ?? '');
  }

  /** A keyed hash for matching without storing the value: equal inputs, equal hashes. */
  hash(purpose: string, value: string): Buffer {
    return createHmac('sha256', this.macKey).update(purpose).update('\0').update(value).digest();
  }
}
