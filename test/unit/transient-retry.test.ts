import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/errors/app-error';
import { retryTransient } from '../../src/use-cases/transient-retry';

const quick = { attempts: 4, firstDelayMs: 1, maxDelayMs: 4 };

/** A piece of work that fails `failures` times with `error`, then answers 'stored'. */
function flaky(failures: number, error: Error) {
  let calls = 0;
  const work = async () => {
    calls++;
    if (calls <= failures) throw error;
    return 'stored';
  };
  return { work, calls: () => calls };
}

describe('retrying a write that may fail for a moment', () => {
  it('when the database fails twice and then answers, then the write succeeds on the third try', async () => {
    const write = flaky(2, new Error('database is locked (5) (SQLITE_BUSY)'));
    await expect(retryTransient(write.work, quick)).resolves.toBe('stored');
    expect(write.calls()).toBe(3);
  });

  it('when the database keeps failing, then the last error comes out after the allowed attempts', async () => {
    const write = flaky(10, new Error('connection refused'));
    await expect(retryTransient(write.work, quick)).rejects.toThrow('connection refused');
    expect(write.calls()).toBe(4);
  });

  it('when the request itself is refused (an AppError), then it is not tried again', async () => {
    const write = flaky(10, new AppError('campaign_paused', 'campaign is paused', 409));
    await expect(retryTransient(write.work, quick)).rejects.toThrow('campaign is paused');
    expect(write.calls()).toBe(1);
  });
});
