/**
 * Simulated time. Every wait a person, a phone network or Twilio would impose (ringing, thinking,
 * pauses, delivery) is expressed in real-world milliseconds and multiplied by `scale`:
 * 1 for a live demo, 0 for tests. Waits end early, with the signal's reason, when aborted.
 */
export class ScaledClock {
  constructor(
    readonly scale: number,
    private readonly lifetime: AbortSignal,
  ) {}

  wait(simulatedMs: number, signal?: AbortSignal): Promise<void> {
    const signals = signal ? [this.lifetime, signal] : [this.lifetime];
    return sleep(Math.max(0, simulatedMs) * this.scale, signals);
  }
}

export function sleep(ms: number, signals: readonly AbortSignal[]): Promise<void> {
  const aborted = signals.find((s) => s.aborted);
  if (aborted) return Promise.reject(aborted.reason);
  return new Promise<void>((resolve, reject) => {
    const onAbort = (event: Event) => {
      clearTimeout(timer);
      detach();
      reject((event.target as AbortSignal).reason);
    };
    const detach = () => signals.forEach((s) => s.removeEventListener('abort', onAbort));
    const timer = setTimeout(() => {
      detach();
      resolve();
    }, ms);
    signals.forEach((s) => s.addEventListener('abort', onAbort, { once: true }));
  });
}
