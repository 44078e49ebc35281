import { TwimlError, type TwimlNode, textContent } from '../twiml/twiml-document';
import type { HttpMethod } from '../webhooks/webhook-sender';

/** Voice TwiML, checked against Twilio's schema and with Twilio's attribute defaults applied. */

export interface SayVerb {
  verb: 'Say';
  text: string;
  voice: string;
  language: string;
  loop: number;
}
export interface PlayVerb {
  verb: 'Play';
  url: string | null;
  digits: string | null;
  loop: number;
}
export interface PauseVerb {
  verb: 'Pause';
  seconds: number;
}
export type PromptVerb = SayVerb | PlayVerb | PauseVerb;

export interface GatherVerb {
  verb: 'Gather';
  input: { speech: boolean; dtmf: boolean };
  timeoutSeconds: number;
  /** "auto" ends speech after a natural pause. */
  speechTimeout: 'auto' | number | null;
  action: string | null;
  method: HttpMethod;
  numDigits: number | null;
  finishOnKey: string;
  language: string;
  actionOnEmptyResult: boolean;
  partialResultCallback: string | null;
  partialResultCallbackMethod: HttpMethod;
  prompts: PromptVerb[];
}
export interface RedirectVerb {
  verb: 'Redirect';
  url: string;
  method: HttpMethod;
}
export interface DialTarget {
  noun: 'Number' | 'Client' | 'Queue' | 'Sip' | 'Conference';
  value: string;
  /** TwiML run on the far end once it answers, before the bridge (a whisper to the agent). */
  url: string | null;
  method: HttpMethod;
}
export interface DialVerb {
  verb: 'Dial';
  targets: DialTarget[];
  action: string | null;
  method: HttpMethod;
  timeoutSeconds: number;
  timeLimitSeconds: number;
}
export interface EnqueueVerb {
  verb: 'Enqueue';
  queue: string;
  action: string | null;
  method: HttpMethod;
  /** TwiML the caller hears while waiting, requested again each time it ends (Twilio's default: hold music). */
  waitUrl: string | null;
  waitUrlMethod: HttpMethod;
}
/** Takes the caller out of the queue: valid in an <Enqueue>'s wait TwiML. */
export interface LeaveVerb {
  verb: 'Leave';
}
export interface RecordVerb {
  verb: 'Record';
  action: string | null;
  method: HttpMethod;
  timeoutSeconds: number;
  maxLengthSeconds: number;
  finishOnKey: string;
  playBeep: boolean;
}
export interface HangupVerb {
  verb: 'Hangup';
}
export interface RejectVerb {
  verb: 'Reject';
  reason: 'rejected' | 'busy';
}

export type VoiceVerb =
  | PromptVerb
  | GatherVerb
  | RedirectVerb
  | DialVerb
  | EnqueueVerb
  | LeaveVerb
  | RecordVerb
  | HangupVerb
  | RejectVerb;

// Valid TwiML that the simulator does not run; a document using them ends the call with a clear reason.
const UNSUPPORTED_VERBS = new Set(['Connect', 'Echo', 'Pay', 'Prompt', 'Refer', 'Sms', 'Start', 'Stop']);
const DIAL_NOUNS = new Set(['Number', 'Client', 'Queue', 'Sip', 'Conference']);

/** Reads a voice <Response> into verbs; throws 12200 for what Twilio's schema rejects. */
export function voiceVerbs(response: TwimlNode): VoiceVerb[] {
  return response.children.map(toVerb);
}

function toVerb(node: TwimlNode): VoiceVerb {
  const a = new Attributes(node);
  switch (node.name) {
    case 'Say':
    case 'Play':
    case 'Pause':
      return toPrompt(node);
    case 'Gather':
      return toGather(node, a);
    case 'Redirect':
      noChildren(node);
      if (!node.text) throw new TwimlError(12200, '<Redirect> needs a URL');
      return { verb: 'Redirect', url: node.text, method: a.method('method') };
    case 'Dial':
      return {
        verb: 'Dial',
        targets: dialTargets(node),
        action: a.optional('action'),
        method: a.method('method'),
        timeoutSeconds: a.integer('timeout', 30),
        timeLimitSeconds: a.integer('timeLimit', 14_400),
      };
    case 'Enqueue':
      if (!node.text) throw new TwimlError(12200, '<Enqueue> needs a queue name');
      return {
        verb: 'Enqueue',
        queue: node.text,
        action: a.optional('action'),
        method: a.method('method'),
        waitUrl: a.optional('waitUrl'),
        waitUrlMethod: a.method('waitUrlMethod'),
      };
    case 'Leave':
      noChildren(node);
      return { verb: 'Leave' };
    case 'Record':
      noChildren(node);
      return toRecord(a);
    case 'Hangup':
      noChildren(node);
      return { verb: 'Hangup' };
    case 'Reject': {
      noChildren(node);
      const reason = a.text('reason', 'rejected');
      if (reason !== 'rejected' && reason !== 'busy') throw new TwimlError(12200, `<Reject reason="${reason}"> is not valid`);
      return { verb: 'Reject', reason };
    }
    default:
      if (UNSUPPORTED_VERBS.has(node.name)) {
        throw new TwimlError(12200, `<${node.name}> is valid TwiML but the Twilio simulator does not run it`);
      }
      throw new TwimlError(12200, `<${node.name}> is not a TwiML voice verb`);
  }
}

function toGather(node: TwimlNode, a: Attributes): VoiceVerb {
  const input = a.text('input', 'dtmf').split(/\s+/);
  if (input.some((kind) => kind !== 'dtmf' && kind !== 'speech')) {
    throw new TwimlError(12200, `<Gather input="${a.text('input', '')}"> must be dtmf, speech or "dtmf speech"`);
  }
  const speechTimeout = node.attributes.speechTimeout;
  return {
    verb: 'Gather',
    input: { speech: input.includes('speech'), dtmf: input.includes('dtmf') },
    timeoutSeconds: a.integer('timeout', 5),
    speechTimeout: speechTimeout === undefined ? null : speechTimeout === 'auto' ? 'auto' : a.integer('speechTimeout', 0),
    action: a.optional('action'),
    method: a.method('method'),
    numDigits: node.attributes.numDigits === undefined ? null : a.integer('numDigits', 1),
    finishOnKey: a.text('finishOnKey', '#'),
    language: a.text('language', 'en-US'),
    actionOnEmptyResult: a.boolean('actionOnEmptyResult', false),
    partialResultCallback: a.optional('partialResultCallback'),
    partialResultCallbackMethod: a.method('partialResultCallbackMethod'),
    prompts: node.children.map((child) => {
      if (!['Say', 'Play', 'Pause'].includes(child.name)) {
        throw new TwimlError(12200, `<${child.name}> is not allowed inside <Gather> (only Say, Play, Pause)`);
      }
      return toPrompt(child);
    }),
  };
}

function toRecord(a: Attributes): VoiceVerb {
  return {
    verb: 'Record',
    action: a.optional('action'),
    method: a.method('method'),
    timeoutSeconds: a.integer('timeout', 5),
    maxLengthSeconds: a.integer('maxLength', 3600),
    finishOnKey: a.text('finishOnKey', '1234567890*#'),
    playBeep: a.boolean('playBeep', true),
  };
}

function toPrompt(node: TwimlNode): PromptVerb {
  const a = new Attributes(node);
  if (node.name === 'Say') {
    // SSML elements (lowercase: break, prosody, say-as...) may be nested in <Say>; verbs may not.
    const verbInside = node.children.find((child) => /^[A-Z]/.test(child.name));
    if (verbInside) throw new TwimlError(12200, `<${verbInside.name}> is not allowed inside <Say>`);
    return { verb: 'Say', text: textContent(node), voice: a.text('voice', 'man'), language: a.text('language', 'en-US'), loop: a.integer('loop', 1) };
  }
  noChildren(node);
  if (node.name === 'Play') {
    const digits = a.optional('digits');
    if (!node.text && !digits) throw new TwimlError(12200, '<Play> needs a URL or digits');
    return { verb: 'Play', url: node.text || null, digits, loop: a.integer('loop', 1) };
  }
  return { verb: 'Pause', seconds: a.integer('length', 1) };
}

function dialTargets(node: TwimlNode): DialTarget[] {
  const nouns = node.children.map((child): DialTarget => {
    if (!DIAL_NOUNS.has(child.name)) throw new TwimlError(12200, `<${child.name}> is not allowed inside <Dial>`);
    const value = child.name === 'Client' && child.children.length > 0 ? textContent(child) : child.text;
    if (!value) throw new TwimlError(12200, `<${child.name}> inside <Dial> is empty`);
    const a = new Attributes(child);
    return { noun: child.name as DialTarget['noun'], value, url: a.optional('url'), method: a.method('method') };
  });
  if (node.text) nouns.unshift({ noun: 'Number', value: node.text, url: null, method: 'POST' });
  if (nouns.length === 0) throw new TwimlError(12200, '<Dial> needs a number, client, queue, SIP address or conference');
  return nouns;
}

function noChildren(node: TwimlNode): void {
  const child = node.children[0];
  if (child) throw new TwimlError(12200, `<${child.name}> is not allowed inside <${node.name}>`);
}

/** Typed access to a verb's attributes; a malformed value is a schema violation. */
class Attributes {
  constructor(private readonly node: TwimlNode) {}

  text(name: string, fallback: string): string {
    return this.node.attributes[name] ?? fallback;
  }

  optional(name: string): string | null {
    return this.node.attributes[name] || null;
  }

  integer(name: string, fallback: number): number {
    const raw = this.node.attributes[name];
    if (raw === undefined) return fallback;
    if (!/^\d+$/.test(raw.trim())) throw this.invalid(name, raw, 'a whole number');
    return Number(raw);
  }

  boolean(name: string, fallback: boolean): boolean {
    const raw = this.node.attributes[name];
    if (raw === undefined) return fallback;
    if (raw !== 'true' && raw !== 'false') throw this.invalid(name, raw, 'true or false');
    return raw === 'true';
  }

  method(name: string): HttpMethod {
    const raw = (this.node.attributes[name] ?? 'POST').toUpperCase();
    if (raw !== 'GET' && raw !== 'POST') throw this.invalid(name, raw, 'GET or POST');
    return raw;
  }

  private invalid(name: string, value: string, expected: string): TwimlError {
    return new TwimlError(12200, `<${this.node.name} ${name}="${value}">: expected ${expected}`);
  }
}
