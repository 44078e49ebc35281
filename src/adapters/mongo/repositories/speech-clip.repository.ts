import { randomUUID } from 'node:crypto';
import type { Model } from 'mongoose';
import type { SpeechClip } from '../models/speech-clip.model';
import { isDuplicateKeyError } from '../duplicate-key';

export type NewSpeechClip = Pick<SpeechClip, 'key' | 'language' | 'engine' | 'contentType' | 'audio'>;

/** Synthesized clips: stored once per idempotency key, served by their random clip id. */
export function createSpeechClipRepository(speechClips: Model<SpeechClip>) {
  return {
    /** The clip id stored under this key, if any. */
    async clipIdFor(key: string): Promise<string | undefined> {
      return (await speechClips.findOne({ key }, { clipId: 1 }).lean())?.clipId;
    },

    /** Stores the clip under a new random id unless its key already holds one (then the first is kept). */
    async storeOnce(clip: NewSpeechClip): Promise<void> {
      try {
        await speechClips.updateOne(
          { key: clip.key },
          { $setOnInsert: { ...clip, clipId: randomUUID(), bytes: clip.audio.length, createdAt: new Date() } },
          { upsert: true },
        );
      } catch (err) {
        // Two attempts raced on the same key: the unique index kept the first one's clip.
        if (!isDuplicateKeyError(err)) throw err;
      }
    },

    /** The clip's audio and type, or undefined. */
    async audio(clipId: string): Promise<{ audio: Buffer; contentType: string } | undefined> {
      // Hydrated, not lean: mongoose gives a Buffer for a Buffer path only on documents.
      const clip = await speechClips.findOne({ clipId }, { audio: 1, contentType: 1 });
      return clip ? { audio: Buffer.from(clip.audio), contentType: clip.contentType } : undefined;
    },
  };
}
