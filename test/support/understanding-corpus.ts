import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import { CALL_STATES } from '../../src/dialog/call-states';
import { collectionsScript } from '../../src/dialog/collections-script';
import { LANGUAGES, type Language } from '../../src/dialog/language';
import { INTENTS, type Entities, type Intent } from '../../src/dialog/turn-schema';
import { makeContext } from '../unit/dialog/fixtures';

/**
 * The labelled utterances of test/fixtures/understanding, and how the rule engine's understanding
 * scores on them: heard with the collections script's own context, in the state each was said in.
 */

const CORPUS_DIR = path.resolve(__dirname, '../fixtures/understanding');

const labelled = z.strictObject({
  state: z.enum(CALL_STATES),
  intent: z.enum(INTENTS),
  text: z.string().min(1),
  amount: z.int().positive().optional(),
  date: z.iso.date().optional(),
  instalments: z.int().min(2).optional(),
});

const corpusFile = z.strictObject({
  language: z.enum(LANGUAGES),
  heard: z.strictObject({ now: z.iso.datetime(), timeZone: z.string(), currency: z.string().length(3) }),
  utterances: z.array(labelled).min(1),
});

export type CorpusFile = z.infer<typeof corpusFile>;
export type LabelledUtterance = z.infer<typeof labelled>;

export function readCorpus(): CorpusFile[] {
  const names = readdirSync(CORPUS_DIR).filter((name) => name.endsWith('.yaml'));
  return names.map((name) => corpusFile.parse(parse(readFileSync(path.join(CORPUS_DIR, name), 'utf8'))));
}

/** The entities scored: keypad digits are not in a spoken corpus. */
export const SCORED_ENTITIES = ['amountMinor', 'date', 'instalments'] as const;

type ScoredEntity = (typeof SCORED_ENTITIES)[number];

export interface Heard {
  utterance: LabelledUtterance;
  intent: Intent;
  entities: Pick<Entities, ScoredEntity>;
  /** Entities read as labelled, each one. */
  entityRight: Record<ScoredEntity, boolean>;
  intentRight: boolean;
  allRight: boolean;
}

function expectedEntities(utterance: LabelledUtterance): Pick<Entities, ScoredEntity> {
  return { amountMinor: utterance.amount ?? null, date: utterance.date ?? null, instalments: utterance.instalments ?? null };
}

export function hearAll(file: CorpusFile): Heard[] {
  return file.utterances.map((utterance) => {
    const ctx = makeContext({
      language: file.language,
      state: utterance.state,
      utterance: { text: utterance.text, asrConfidence: 0.95 },
      now: Date.parse(file.heard.now),
      timeZone: file.heard.timeZone,
      account: { currency: file.heard.currency },
    });
    const understood = collectionsScript.understand(ctx);
    const expected = expectedEntities(utterance);
    const entityRight = Object.fromEntries(SCORED_ENTITIES.map((k) => [k, understood.entities[k] === expected[k]])) as Record<ScoredEntity, boolean>;
    const intentRight = understood.intent === utterance.intent;
    return {
      utterance,
      intent: understood.intent,
      entities: { amountMinor: understood.entities.amountMinor, date: understood.entities.date, instalments: understood.entities.instalments },
      entityRight,
      intentRight,
      allRight: intentRight && SCORED_ENTITIES.every((k) => entityRight[k]),
    };
  });
}

export interface Score {
  language: Language;
  total: number;
  intentAccuracy: number;
  entityAccuracy: Record<ScoredEntity, number>;
  /** Intent and every entity right. */
  accuracy: number;
  /** "expected -> heard" with how often, most frequent first. */
  confusions: Array<{ expected: Intent; heard: Intent; count: number }>;
  misses: Heard[];
}

const share = (heard: Heard[], right: (h: Heard) => boolean): number => heard.filter(right).length / heard.length;

export function score(language: Language, heard: Heard[]): Score {
  const pairs = new Map<string, { expected: Intent; heard: Intent; count: number }>();
  for (const h of heard.filter((x) => !x.intentRight)) {
    const key = `${h.utterance.intent}>${h.intent}`;
    const pair = pairs.get(key) ?? { expected: h.utterance.intent, heard: h.intent, count: 0 };
    pairs.set(key, { ...pair, count: pair.count + 1 });
  }
  return {
    language,
    total: heard.length,
    intentAccuracy: share(heard, (h) => h.intentRight),
    entityAccuracy: Object.fromEntries(SCORED_ENTITIES.map((k) => [k, share(heard, (h) => h.entityRight[k])])) as Record<ScoredEntity, number>,
    accuracy: share(heard, (h) => h.allRight),
    confusions: [...pairs.values()].sort((a, b) => b.count - a.count),
    misses: heard.filter((h) => !h.allRight),
  };
}

const percent = (x: number): string => `${(x * 100).toFixed(1)}%`;

function describeMiss(h: Heard): string {
  const wrong = SCORED_ENTITIES.filter((k) => !h.entityRight[k]).map((k) => `${k}=${String(h.entities[k])}`);
  const intent = h.intentRight ? '' : ` heard ${h.intent}`;
  return `  [${h.utterance.intent}${intent}${wrong.length ? `; ${wrong.join(', ')}` : ''}] "${h.utterance.text}"`;
}

/** The report printed on every test run. */
export function formatScore(s: Score, maxConfusions = 8): string {
  const entities = SCORED_ENTITIES.map((k) => `${k} ${percent(s.entityAccuracy[k])}`).join(', ');
  const confusions = s.confusions.slice(0, maxConfusions).map((c) => `  ${c.expected} -> ${c.heard}: ${c.count}`);
  return [
    `understanding corpus, ${s.language}: ${s.total} utterances`,
    `  intent+entities ${percent(s.accuracy)}; intent ${percent(s.intentAccuracy)}; entities: ${entities}`,
    `  most confused intents (expected -> heard):${confusions.length ? '' : ' none'}`,
    ...confusions,
    ...(s.misses.length ? ['  misses:', ...s.misses.map(describeMiss)] : []),
  ].join('\n');
}
