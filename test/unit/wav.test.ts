import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { readWav, withTranscript } from '../../src/audio/wav';

/** A chunk as RIFF lays it out: id, little-endian size, body, a pad byte after an odd body. */
function chunk(id: string, body: Buffer, declaredSize = body.length): Buffer {
  const header = Buffer.alloc(8);
  header.write(id, 0, 'ascii');
  header.writeUInt32LE(declaredSize, 4);
  return Buffer.concat([header, body, Buffer.alloc(body.length % 2)]);
}

function fmt(sampleRate: number, channels = 1, bitsPerSample = 16): Buffer {
  const body = Buffer.alloc(16);
  const blockAlign = (channels * bitsPerSample) / 8;
  body.writeUInt16LE(1, 0);
  body.writeUInt16LE(channels, 2);
  body.writeUInt32LE(sampleRate, 4);
  body.writeUInt32LE(sampleRate * blockAlign, 8);
  body.writeUInt16LE(blockAlign, 12);
  body.writeUInt16LE(bitsPerSample, 14);
  return chunk('fmt ', body);
}

function riff(chunks: Buffer[], declaredSize?: number): Buffer {
  const body = Buffer.concat([Buffer.from('WAVE'), ...chunks]);
  return chunk('RIFF', body, declaredSize ?? body.length);
}

const ONE_SECOND_8K = Buffer.alloc(16_000, 1);

describe('readWav', () => {
  it.each([
    { name: '8 kHz mono 16-bit', wav: riff([fmt(8000), chunk('data', ONE_SECOND_8K)]), expected: { sampleRate: 8000, channels: 1, bitsPerSample: 16, durationSeconds: 1 } },
    { name: '22.05 kHz stereo', wav: riff([fmt(22_050, 2), chunk('data', Buffer.alloc(22_050 * 4 / 2))]), expected: { sampleRate: 22_050, channels: 2, durationSeconds: 0.5 } },
    {
      name: 'an odd-sized chunk before the data, with its pad byte',
      wav: riff([fmt(8000, 1, 8), chunk('junk', Buffer.from('abc')), chunk('data', Buffer.alloc(4000))]),
      expected: { bitsPerSample: 8, durationSeconds: 0.5 },
    },
    {
      name: "espeak-ng's streaming sizes (0x7FFFF000)",
      wav: riff([fmt(8000), chunk('data', ONE_SECOND_8K, 0x7ffff000)], 0x7ffff024),
      expected: { durationSeconds: 1 },
    },
    { name: 'a data size of 0xFFFFFFFF', wav: riff([fmt(8000), chunk('data', ONE_SECOND_8K, 0xffffffff)], 0xffffffff), expected: { durationSeconds: 1 } },
    { name: 'a data size of 0 in a streamed file', wav: riff([fmt(8000), chunk('data', ONE_SECOND_8K, 0)], 36), expected: { durationSeconds: 1 } },
    { name: 'an empty data chunk in a complete file', wav: riff([fmt(8000), chunk('data', Buffer.alloc(0))]), expected: { durationSeconds: 0 } },
  ])('When the WAV has $name, then its format and duration are read', ({ wav, expected }) => {
    expect(readWav(wav)).toMatchObject(expected);
    expect(readWav(wav).transcript).toBeUndefined();
  });

  it.each([
    { name: 'not RIFF', wav: Buffer.from('ID3\x04 this is an mp3 file'), message: /not a RIFF\/WAVE file/ },
    { name: 'RIFF but not WAVE', wav: chunk('RIFF', Buffer.from('AVI LIST')), message: /not a RIFF\/WAVE file/ },
    { name: 'too short', wav: Buffer.from('RIFF'), message: /not a RIFF\/WAVE file/ },
    { name: 'without fmt', wav: riff([chunk('data', ONE_SECOND_8K)]), message: /no complete fmt chunk/ },
    { name: 'without data', wav: riff([fmt(8000)]), message: /no data chunk/ },
  ])('When the buffer is $name, then readWav says why it is not a WAV', ({ wav, message }) => {
    expect(() => readWav(wav)).toThrow(message);
  });
});

describe('withTranscript', () => {
  it.each([
    { name: 'English', text: 'Yes, I can pay fifty dollars on Friday.' },
    { name: 'Chinese', text: '我下个月15号可以付款。' },
    { name: 'odd length', text: 'abc' },
    { name: 'even length', text: 'ab' },
  ])('When $name text is added, then readWav gives it back and the audio is unchanged', ({ text }) => {
    const tagged = withTranscript(riff([fmt(8000), chunk('data', ONE_SECOND_8K)]), text);
    expect(readWav(tagged)).toEqual({ sampleRate: 8000, channels: 1, bitsPerSample: 16, durationSeconds: 1, transcript: text });
    expect(tagged.readUInt32LE(4)).toBe(tagged.length - 8);
    expect(tagged.length % 2).toBe(0);
  });

  it('When the WAV was streamed with unknown sizes, then the result has real sizes and the comment after the data', () => {
    const tagged = withTranscript(riff([fmt(8000), chunk('data', ONE_SECOND_8K, 0xffffffff)], 0xffffffff), 'hello');
    const dataAt = tagged.indexOf('data');
    expect(tagged.readUInt32LE(dataAt + 4)).toBe(ONE_SECOND_8K.length);
    expect(tagged.indexOf('LIST')).toBeGreaterThan(dataAt + 8 + ONE_SECOND_8K.length - 1);
    expect(readWav(tagged)).toMatchObject({ durationSeconds: 1, transcript: 'hello' });
  });

  it('When the audio is empty, then the comment is still found after the empty data chunk', () => {
    expect(readWav(withTranscript(riff([fmt(8000), chunk('data', Buffer.alloc(0))]), 'silence'))).toMatchObject({ durationSeconds: 0, transcript: 'silence' });
  });

  it('When a WAV already has a comment, then the new one replaces it and other chunks stay', () => {
    const once = withTranscript(riff([fmt(8000), chunk('fact', Buffer.alloc(4)), chunk('data', ONE_SECOND_8K)]), 'first');
    const twice = withTranscript(once, 'second');
    expect(readWav(twice).transcript).toBe('second');
    expect(twice.toString('latin1').match(/LIST/g)).toHaveLength(1);
    expect(twice.includes('fact')).toBe(true);
  });

  it('When the buffer is not a WAV, then withTranscript refuses it', () => {
    expect(() => withTranscript(Buffer.from('<Response/>'), 'x')).toThrow(/not a RIFF\/WAVE file/);
  });
});

describe('a WAV from espeak-ng', () => {
  const espeak = (() => {
    try {
      return execFileSync('espeak-ng', ['--stdout', 'hello']);
    } catch {
      return null;
    }
  })();

  it.skipIf(espeak === null)('When espeak-ng streams a WAV to stdout, then its length is read from the bytes present and a comment can be added', () => {
    const info = readWav(espeak!);
    expect(info).toMatchObject({ sampleRate: 22_050, channels: 1, bitsPerSample: 16 });
    expect(info.durationSeconds).toBeCloseTo((espeak!.length - 44) / (22_050 * 2), 3);
    expect(readWav(withTranscript(espeak!, 'hello'))).toEqual({ ...info, transcript: 'hello' });
  });
});
