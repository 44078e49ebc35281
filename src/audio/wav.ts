// RIFF/WAVE reading and the one edit Parley makes to a WAV: writing its words into it.
//
// A simulated person cannot understand audio, so the clips the service plays and the recordings
// the Twilio simulator serves carry their words as a standard RIFF INFO comment (LIST/INFO/ICMT,
// https://www.mmsp.ece.mcgill.ca/Documents/AudioFormats/WAVE/Docs/riffmci.pdf). Twilio and audio
// players skip chunks they do not know, so the comment changes nothing anywhere else.

export interface WavInfo {
  sampleRate: number;
  channels: number;
  bitsPerSample: number;
  durationSeconds: number;
  /** The ICMT comment of a LIST/INFO chunk, when there is one. */
  transcript?: string;
}

interface Chunk {
  id: string;
  /** Where its body starts, and the body's length as actually present in the buffer. */
  bodyStart: number;
  size: number;
}

// A writer streaming to a pipe cannot seek back to fill in sizes: espeak-ng --stdout writes
// 0x7FFFF000, others 0xFFFFFFFF or 0. The data then runs to the end of what was written.
const UNKNOWN_SIZE = 0xffffffff;

/** The format and length of a WAV, and the words it carries; throws when it is not a WAV. */
export function readWav(buf: Buffer): WavInfo {
  const chunks = riffChunks(buf);
  const fmt = chunks.find((chunk) => chunk.id === 'fmt ');
  const data = chunks.find((chunk) => chunk.id === 'data');
  if (!fmt || fmt.size < 16) throw new Error('WAV has no complete fmt chunk');
  if (!data) throw new Error('WAV has no data chunk');
  const byteRate = buf.readUInt32LE(fmt.bodyStart + 8);
  if (byteRate === 0) throw new Error('WAV fmt chunk gives a byte rate of 0');
  const transcript = chunks.map((chunk) => infoComment(buf, chunk)).find((text) => text !== undefined);
  return {
    channels: buf.readUInt16LE(fmt.bodyStart + 2),
    sampleRate: buf.readUInt32LE(fmt.bodyStart + 4),
    bitsPerSample: buf.readUInt16LE(fmt.bodyStart + 14),
    durationSeconds: data.size / byteRate,
    ...(transcript === undefined ? {} : { transcript }),
  };
}

/**
 * The same WAV with `text` as its INFO comment, after the audio; any INFO list it had is replaced.
 * Sizes a streaming writer left unknown are written out, so the result is a plain, complete WAV.
 */
export function withTranscript(buf: Buffer, text: string): Buffer {
  const chunks = riffChunks(buf);
  if (!chunks.some((chunk) => chunk.id === 'data')) throw new Error('WAV has no data chunk');
  const kept = chunks
    .filter((chunk) => !isInfoList(buf, chunk))
    .map((chunk) => chunkBytes(chunk.id, buf.subarray(chunk.bodyStart, chunk.bodyStart + chunk.size)));
  const comment = chunkBytes('ICMT', Buffer.concat([Buffer.from(text, 'utf-8'), Buffer.alloc(1)]));
  const info = chunkBytes('LIST', Buffer.concat([Buffer.from('INFO', 'ascii'), comment]));
  const body = Buffer.concat([Buffer.from('WAVE', 'ascii'), ...kept, info]);
  return chunkBytes('RIFF', body);
}

function riffChunks(buf: Buffer): Chunk[] {
  if (buf.length < 12 || buf.toString('ascii', 0, 4) !== 'RIFF' || buf.toString('ascii', 8, 12) !== 'WAVE') {
    throw new Error('not a RIFF/WAVE file');
  }
  const riffSizeKnown = buf.readUInt32LE(4) + 8 === buf.length;
  const chunks: Chunk[] = [];
  for (let start = 12; start + 8 <= buf.length; ) {
    const id = buf.toString('ascii', start, start + 4);
    const declared = buf.readUInt32LE(start + 4);
    const bodyStart = start + 8;
    const present = buf.length - bodyStart;
    // A data size of 0 is real in a complete file (empty audio), a placeholder in a streamed one.
    const unknown = declared === UNKNOWN_SIZE || declared > present || (id === 'data' && declared === 0 && !riffSizeKnown);
    if (unknown && id !== 'data') throw new Error(`WAV chunk "${id}" is cut short (${declared} bytes declared, ${present} present)`);
    const size = unknown ? present : declared;
    chunks.push({ id, bodyStart, size });
    // Chunks start on even offsets: an odd-sized body is followed by one pad byte.
    start = bodyStart + size + (size % 2);
  }
  return chunks;
}

function isInfoList(buf: Buffer, chunk: Chunk): boolean {
  return chunk.id === 'LIST' && chunk.size >= 4 && buf.toString('ascii', chunk.bodyStart, chunk.bodyStart + 4) === 'INFO';
}

/** The ICMT text of a LIST/INFO chunk, up to its NUL terminator. */
function infoComment(buf: Buffer, chunk: Chunk): string | undefined {
  if (!isInfoList(buf, chunk)) return undefined;
  const end = chunk.bodyStart + chunk.size;
  for (let start = chunk.bodyStart + 4; start + 8 <= end; ) {
    const size = Math.min(buf.readUInt32LE(start + 4), end - start - 8);
    if (buf.toString('ascii', start, start + 4) === 'ICMT') {
      const body = buf.subarray(start + 8, start + 8 + size);
      const nul = body.indexOf(0);
      return body.subarray(0, nul < 0 ? body.length : nul).toString('utf-8');
    }
    start += 8 + size + (size % 2);
  }
  return undefined;
}

function chunkBytes(id: string, body: Buffer): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'ascii');
  header.writeUInt32LE(body.length, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}
