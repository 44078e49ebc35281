import { createHash } from 'node:crypto';
import OpenAI from 'openai';
import type { Logger } from '../../logging/logger';
import type { TurnContext } from '../../dialog/turn-context';
import { turnDecisionJsonSchema, turnDecisionSchema } from '../../dialog/turn-decision-schema';
import { llmTurnMessages } from '../../voice/llm-prompt';
import { checkTurnPolicy } from '../../dialog/turn-policy';
import { answerReadingJsonSchema, type ReadingMessage } from '../../surveys/llm-reading';

// The LLM dialog engine through the official openai client, against any OpenAI-compatible
// endpoint. Temporal owns retries (the client's are off) and the client's timeout is below the
// activity's. The answer is returned raw: the call workflow validates it (schema, turn policy)
// and falls back to the rule engine when it is refused.

export interface LlmDialog {
  /** The client's per-request timeout, ms. */
  readonly timeoutMs: number;
  /** One turn's raw structured answer (not yet validated), and whether it came from the cache. */
  turn(campaignId: string, context: TurnContext): Promise<{ candidate: unknown; cached: boolean }>;
  /** One survey answer's raw structured reading (not yet checked against the question). */
  readAnswer(messages: readonly ReadingMessage[]): Promise<unknown>;
  cacheStats(): { hits: number; misses: number; hitRate: number };
}

export interface LlmDialogConfig {
  apiKey?: string;
  baseUrl?: string;
  model: string;
  timeoutMs: number;
}

const cacheLimit = 2_000;

export function createLlmDialog(config: LlmDialogConfig, logger: Pick<Logger, 'info'>): LlmDialog {
  const client = new OpenAI({ apiKey: config.apiKey, baseURL: config.baseUrl, maxRetries: 0, timeout: config.timeoutMs });
  // Identical prompts within a campaign (a frequent question at the same point of the script) get
  // the answer already validated against the schema; insertion order makes it least-recently-added.
  const cache = new Map<string, unknown>();
  let hits = 0;
  let misses = 0;
  const stats = () => ({ hits, misses, hitRate: hits + misses === 0 ? 0 : hits / (hits + misses) });

  return {
    timeoutMs: config.timeoutMs,
    cacheStats: stats,
    async turn(campaignId, context) {
      const messages = llmTurnMessages(context);
      const key = createHash('sha256').update(JSON.stringify([campaignId, config.model, messages])).digest('hex');
      if (cache.has(key)) {
        hits++;
        return { candidate: cache.get(key), cached: true };
      }
      misses++;
      const completion = await client.chat.completions.create({
        model: config.model,
        messages,
        temperature: 0,
        response_format: { type: 'json_schema', json_schema: { name: 'turn_decision', strict: true, schema: { ...turnDecisionJsonSchema } } },
      });
      const content = completion.choices[0]?.message?.content ?? '';
      let candidate: unknown = content;
      try {
        candidate = JSON.parse(content);
      } catch {
        // Left as text: the workflow's schema check refuses it and the rule engine answers.
      }
      // Only an answer that may be spoken is worth serving again; a refused one is asked anew.
      if (turnDecisionSchema.safeParse(candidate).success && checkTurnPolicy(context, candidate).ok) {
        if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value!);
        cache.set(key, candidate);
      }
      const { hitRate } = stats();
      logger.info({ campaignId, cacheHits: hits, cacheMisses: misses, cacheHitRate: Number(hitRate.toFixed(3)) }, 'llm turn');
      return { candidate, cached: false };
    },

    async readAnswer(messages) {
      const completion = await client.chat.completions.create({
        model: config.model,
        messages: [...messages],
        temperature: 0,
        response_format: { type: 'json_schema', json_schema: { name: 'answer_reading', strict: true, schema: { ...answerReadingJsonSchema } } },
      });
      const content = completion.choices[0]?.message?.content ?? '';
      try {
        return JSON.parse(content) as unknown;
      } catch {
        return content; // left as text: the check refuses it and the rules read the answer
      }
    },
  };
}
