/**
 * Runs `work` on each item with at most `limit` running at once, taking the next item only when a
 * slot frees up, so a stream is read no faster than the work keeps up. The first failure stops
 * the intake; the work already running finishes, then that failure is thrown.
 */
export async function forEachBounded<T>(items: AsyncIterable<T> | Iterable<T>, limit: number, work: (item: T) => Promise<void>): Promise<void> {
  const running = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for await (const item of items) {
    const task: Promise<void> = work(item)
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => running.delete(task));
    running.add(task);
    if (running.size >= limit) await Promise.race(running);
    if (failure) break;
  }
  await Promise.all(running);
  if (failure) throw failure.error;
}
