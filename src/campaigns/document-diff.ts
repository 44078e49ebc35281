// What changed between two versions of an outreach document (a campaign or a survey), path by
// path, for a person reviewing a new version before or after it reaches the running people.

export type DocumentChange =
  | { path: string; change: 'added'; after: unknown }
  | { path: string; change: 'removed'; before: unknown }
  | { path: string; change: 'changed'; before: unknown; after: unknown };

/** The whole document, when the two differ at the top (one an object, the other not). */
export const rootPath = '(document)';

/**
 * Every leaf that differs, in document order: keys of `before` first, then keys only `after` has.
 * Lists are compared position by position, so a step inserted in the middle shows as the steps
 * after it changed and the last one added: that is how the workflows read them too (by index).
 */
export function diffDocuments(before: unknown, after: unknown): DocumentChange[] {
  const changes: DocumentChange[] = [];
  compare(before, after, '', changes);
  return changes;
}

function compare(before: unknown, after: unknown, path: string, changes: DocumentChange[]): void {
  if (Array.isArray(before) && Array.isArray(after)) {
    for (let i = 0; i < Math.max(before.length, after.length); i++) compareEntry(before, after, i, `${path}[${i}]`, changes);
    return;
  }
  if (isRecord(before) && isRecord(after)) {
    const keys = [...Object.keys(before), ...Object.keys(after).filter((key) => !Object.hasOwn(before, key))];
    for (const key of keys) compareEntry(before, after, key, childPath(path, key), changes);
    return;
  }
  if (!sameValue(before, after)) changes.push({ path: path || rootPath, change: 'changed', before, after });
}

function compareEntry(before: object, after: object, key: string | number, path: string, changes: DocumentChange[]): void {
  const inBefore = Object.hasOwn(before, key);
  const inAfter = Object.hasOwn(after, key);
  const old = (before as Record<string | number, unknown>)[key];
  const neu = (after as Record<string | number, unknown>)[key];
  if (inBefore && !inAfter) changes.push({ path, change: 'removed', before: old });
  else if (!inBefore && inAfter) changes.push({ path, change: 'added', after: neu });
  else compare(old, neu, path, changes);
}

/** `a.b`, and `a["odd key"]` for a key a dotted path would misread. */
function childPath(path: string, key: string): string {
  if (/^[A-Za-z_$][\w$-]*$/.test(key)) return path ? `${path}.${key}` : key;
  return `${path}[${JSON.stringify(key)}]`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return a === b;
}
