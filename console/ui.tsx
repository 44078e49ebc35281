import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, ApiError } from './api';

// The pieces every page is made of: loading data, showing an error, asking before acting.

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

/** GETs `path` (again when it changes, or on reload); undefined skips. */
export function useApi<T>(path: string | undefined): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean }>({ loading: path !== undefined });
  const [round, setRound] = useState(0);
  useEffect(() => {
    if (path === undefined) return;
    let current = true;
    setState((s) => ({ ...s, loading: true }));
    api<T>('GET', path).then(
      (data) => current && setState({ data, loading: false }),
      (err: unknown) => current && setState({ error: describe(err), loading: false }),
    );
    return () => {
      current = false;
    };
  }, [path, round]);
  const reload = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, reload };
}

export function describe(err: unknown): string {
  if (err instanceof ApiError) return err.message;
  return err instanceof Error ? err.message : String(err);
}

export function Problem(props: { message?: string }) {
  if (!props.message) return null;
  return (
    <p class="problem" role="alert">
      {props.message}
    </p>
  );
}

/** What a page shows while its data comes, then the page itself, or the reason it could not. */
export function Loading<T>(props: { loaded: Loaded<T>; children: (data: T) => ComponentChildren }) {
  const { data, error, loading } = props.loaded;
  if (error) return <Problem message={error} />;
  if (data === undefined) return <p aria-busy={loading}>Loading…</p>;
  return <>{props.children(data)}</>;
}

/**
 * A button that asks before it acts: a modal dialog names what will happen, and the action runs
 * only on "Confirm". The dialog is the browser's own, so focus and Escape work as people expect.
 */
export function ConfirmButton(props: {
  label: string;
  question: string;
  onConfirm: () => Promise<unknown>;
  children?: ComponentChildren;
  danger?: boolean;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confirm = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setProblem(undefined);
    try {
      await props.onConfirm();
      dialog.current?.close();
    } catch (err) {
      setProblem(describe(err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class={props.danger ? 'danger' : undefined} onClick={() => dialog.current?.showModal()}>
        {props.label}
      </button>
      <dialog ref={dialog} aria-label={props.label}>
        <form method="dialog" onSubmit={confirm}>
          <p>{props.question}</p>
          {props.children}
          <Problem message={problem} />
          <div class="actions">
            <button type="submit" disabled={busy}>
              Confirm
            </button>
            <button type="button" onClick={() => dialog.current?.close()}>
              Cancel
            </button>
          </div>
        </form>
      </dialog>
    </>
  );
}

/** Integer minor units in the account's currency. */
export function money(minor: number | undefined, currency = 'USD'): string {
  if (minor === undefined) return '—';
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 10 ** digits);
}

/** A stored UTC time in the reader's own zone (the person's zone is shown beside it where it matters). */
export function when(iso: string | undefined, zone?: string): string {
  if (!iso) return '—';
  // dateStyle and timeStyle refuse timeZoneName beside them (a TypeError): the fields are spelled out.
  const fields = { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit' } as const;
  return new Date(iso).toLocaleString(undefined, { ...fields, ...(zone ? { timeZone: zone, timeZoneName: 'short' } : {}) });
}

export function percent(value: number | null | undefined): string {
  return value === null || value === undefined || Number.isNaN(value) ? '—' : `${(value * 100).toFixed(1)}%`;
}
