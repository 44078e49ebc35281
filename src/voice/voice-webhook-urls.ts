import type { VoiceWebhook, VoiceWebhookQuery } from './voice-webhook-contract';

// Where the voice webhooks are, without their zod schemas: the call workflow builds its URLs from
// this, and every new workflow evaluates its imports again in the sandbox, where building the
// schemas cost a tenth of the workflow thread under load (docs/benchmarks.md).

const voiceWebhookPrefix = '/webhooks/twilio/voice';

export function voiceWebhookPath(hook: VoiceWebhook): string {
  return `${voiceWebhookPrefix}/${hook}`;
}

/** The URL Twilio is given for a webhook; its query is what the route's schema reads back. */
export function voiceWebhookUrl<H extends VoiceWebhook>(publicBaseUrl: string, hook: H, query: VoiceWebhookQuery<H>): string {
  const pairs = Object.entries(query as Record<string, string | number | undefined>).flatMap(([name, value]) =>
    value === undefined ? [] : [`${name}=${encodeURIComponent(String(value))}`],
  );
  return `${publicBaseUrl}${voiceWebhookPath(hook)}?${pairs.join('&')}`;
}
