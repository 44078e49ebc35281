import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { Payload, PayloadCodec } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import type { KeyRing } from './key-ring';

// Every payload the client and the workers send to Temporal (workflow and activity inputs and
// results, signals, updates, queries, memos, and failure details) is encrypted here with
// AES-256-GCM, so the server, its database and its UI hold only ciphertext. The whole payload,
// metadata included, is sealed: its encoding says nothing about the contents either.

export const encryptedEncoding = 'binary/encrypted';
const keyIdField = 'encryption-key-id';
const ivBytes = 12;
const tagBytes = 16;

const utf8 = (text: string) => new TextEncoder().encode(text);
const text = (bytes: Uint8Array | null | undefined) => new TextDecoder().decode(bytes ?? new Uint8Array());

export class EncryptionCodec implements PayloadCodec {
  constructor(private readonly keys: KeyRing) {}

  async encode(payloads: Payload[]): Promise<Payload[]> {
    const { id, key } = this.keys.current();
    return payloads.map((payload) => {
      const iv = randomBytes(ivBytes);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const sealed = Buffer.concat([cipher.update(temporal.api.common.v1.Payload.encode(payload).finish()), cipher.final(), cipher.getAuthTag()]);
      return { metadata: { encoding: utf8(encryptedEncoding), [keyIdField]: utf8(id) }, data: Buffer.concat([iv, sealed]) };
    });
  }

  /** Payloads written before encryption (or by a client without it) pass as they are. */
  async decode(payloads: Payload[]): Promise<Payload[]> {
    return payloads.map((payload) => {
      if (text(payload.metadata?.encoding) !== encryptedEncoding) return payload;
      const id = text(payload.metadata?.[keyIdField]);
      const found = this.keys.byId(id);
      if (!found) throw new Error(`a payload is encrypted with key '${id}', which the key ring does not hold (was it rotated out too early?)`);
      const data = Buffer.from(payload.data ?? new Uint8Array());
      const decipher = createDecipheriv('aes-256-gcm', found.key, data.subarray(0, ivBytes));
      decipher.setAuthTag(data.subarray(data.length - tagBytes));
      const plain = Buffer.concat([decipher.update(data.subarray(ivBytes, data.length - tagBytes)), decipher.final()]);
      return temporal.api.common.v1.Payload.decode(plain);
    });
  }
}
