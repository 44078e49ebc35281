import { useEffect, useState } from 'preact/hooks';

// How long a task has waited, ticking every second from the server's count when the list came.

export function useNow(everyMs = 1000): number {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return now;
}

export function duration(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min ${s % 60} s`;
  const hours = Math.floor(s / 3600);
  return hours < 48 ? `${hours} h ${Math.floor((s % 3600) / 60)} min` : `${Math.floor(hours / 24)} days`;
}

/** `waitSeconds` as the list gave it at `fetchedAt` (this browser's clock), counted on since. */
export function WaitTime(props: { waitSeconds: number; fetchedAt: number }) {
  const now = useNow();
  return <span class="wait">waiting {duration(props.waitSeconds + (now - props.fetchedAt) / 1000)}</span>;
}
