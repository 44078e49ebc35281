import { readFileSync } from 'node:fs';

// Where the payload codec finds its keys. A KMS plugs in here: implement KeyRing with a data key
// it decrypts (and caches) per id; the codec needs nothing else.

export interface PayloadKey {
  /** Written into each payload's metadata, so any payload names the key that opens it. */
  id: string;
  /** 32 bytes: AES-256. */
  key: Buffer;
}

export interface KeyRing {
  /** The key new payloads are encrypted with. */
  current(): PayloadKey;
  /** Any key still needed to read older payloads; undefined when this ring does not hold it. */
  byId(id: string): PayloadKey | undefined;
}

/**
 * Keys from configuration: `id=base64,id=base64`, the first the current one. Rotation is adding a
 * new key in front and keeping the old ones as long as histories written with them are kept.
 */
export function keyRingFromText(text: string, origin: string): KeyRing {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry, i): PayloadKey => {
      const match = /^([\w.-]{1,64})=([A-Za-z0-9+/]+={0,2})$/.exec(entry);
      if (!match) throw new Error(`${origin}: key ${i + 1} needs an id: write id=base64key (an id of letters, digits, dots, dashes)`);
      const [, id, encoded] = match;
      const key = Buffer.from(encoded, 'base64');
      if (key.length !== 32) throw new Error(`${origin}: key '${id}' is ${key.length} bytes; AES-256 needs 32 (openssl rand -base64 32)`);
      return { id, key };
    });
  if (keys.length === 0) throw new Error(`${origin}: no keys`);
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) throw new Error(`${origin}: two keys have the same id`);
  return { current: () => keys[0], byId: (id) => keys.find((k) => k.id === id) };
}

/** A file holding the same list (one key per line or comma-separated), for a secret mounted as a file. */
export function keyRingFromFile(file: string): KeyRing {
  return keyRingFromText(readFileSync(file, 'utf8').replace(/\s*\n\s*/g, ','), file);
}
