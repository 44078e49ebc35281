import { z } from 'zod';
import { keyRingFromFile, keyRingFromText } from '../temporal/codec/key-ring';
import { parseMetricsConfig, type MetricsConfig } from './metrics-config';

// The one place that reads the environment. Everything else receives the frozen Config.

const optionalString = z.string().trim().optional();
const port = z.coerce.number().int().min(0).max(65535);
const positiveNumber = z.coerce.number().positive();
const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((v) => v === 'true' || v === '1' || v === 'yes')
  .optional();
const url = z.url({ protocol: /^https?$/ });
const retentionDays = z.coerce.number().int().min(1, 'must be at least 1 day').max(36_500);

const envSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  DATA_DIR: z.string().default('.data'),

  HTTP_HOST: z.string().default('127.0.0.1'),
  HTTP_PORT: port.default(3000),
  PUBLIC_BASE_URL: url.optional(),
  ALLOW_INSECURE_PUBLIC_URL: booleanFlag,
  HTTP_BODY_LIMIT_BYTES: z.coerce.number().int().positive().default(1_048_576),

  TEMPORAL_ADDRESS: optionalString,
  TEMPORAL_NAMESPACE: z.string().min(1).default('default'),
  TEMPORAL_TASK_QUEUE: z.string().min(1).default('parley'),
  TEMPORAL_TLS: booleanFlag,
  TEMPORAL_TLS_CERT_PATH: optionalString,
  TEMPORAL_TLS_KEY_PATH: optionalString,
  TEMPORAL_TLS_CA_PATH: optionalString,
  TEMPORAL_TLS_SERVER_NAME: optionalString,
  TEMPORAL_API_KEY: optionalString,
  TEMPORAL_PAYLOAD_KEYS: optionalString,
  TEMPORAL_PAYLOAD_KEYS_FILE: optionalString,
  ALLOW_PLAINTEXT_PAYLOADS: booleanFlag,
  CODEC_CORS_ORIGINS: optionalString,
  TEMPORAL_DEV_PORT: port.default(7233),
  TEMPORAL_UI_PORT: port.default(8233),

  DEV_DEMO: booleanFlag,
  DEV_SIMULATOR_PORT: port.default(4010),
  DEV_SIMULATOR_DELAY_SCALE: z.coerce.number().min(0).max(10).default(0.1),

  MONGODB_URI: optionalString,
  MONGODB_DATABASE: z.string().min(1).default('parley'),
  FERRETDB_PORT: port.default(27017),

  TWILIO_ACCOUNT_SID: optionalString,
  TWILIO_AUTH_TOKEN: optionalString,
  TWILIO_API_BASE_URL: url.optional(),
  TWILIO_FROM_NUMBER: optionalString,
  TWILIO_CALLS_PER_SECOND: positiveNumber.default(1),
  TWILIO_SMS_PER_SECOND: positiveNumber.default(1),

  PAYMENT_LINK_SECRET: z.string().min(32, 'must be at least 32 characters (it signs payment links)').optional(),
  PAYMENT_PROVIDER: z.enum(['demo']).optional(),
  PAYMENT_LINK_TTL_HOURS: z.coerce.number().int().min(1).max(720).default(72),
  PAYMENT_WEBHOOK_SECRET: z.string().min(32, 'must be at least 32 characters (it verifies payment webhooks)').optional(),

  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: url.optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  OPENAI_TIMEOUT_MS: z.coerce.number().int().positive().default(8000),

  SPEECH_ENGINE: z.enum(['twilio', 'local', 'openai']).default('twilio'),

  CALL_MACHINE_DETECTION: z.enum(['Enable', 'DetectMessageEnd', 'off']).default('DetectMessageEnd'),
  CALL_TURN_WAIT_MS: z.coerce.number().int().min(100).max(13_000).default(10_000),

  PARLEY_API_URL: url.optional(),
  PARLEY_API_KEY: optionalString,

  OIDC_ISSUER: url.optional(),
  OIDC_AUDIENCE: optionalString,
  OIDC_JWKS_URL: url.optional(),
  OIDC_ROLE_CLAIM: z.string().min(1).default('parley_role'),

  RATE_LIMIT_API_PER_MINUTE: z.coerce.number().int().min(1).default(1200),
  RATE_LIMIT_PAY_PER_IP_PER_MINUTE: z.coerce.number().int().min(1).default(60),
  RATE_LIMIT_PAY_PER_LINK_PER_MINUTE: z.coerce.number().int().min(1).default(20),

  IMPORT_CONCURRENCY: z.coerce.number().int().min(1).max(1024).default(64),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).optional(),
  WORKER_WORKFLOW_TASK_SLOTS: z.coerce.number().int().min(2).optional(),
  WORKER_ACTIVITY_SLOTS: z.coerce.number().int().min(1).optional(),
  WORKER_LOCAL_ACTIVITY_SLOTS: z.coerce.number().int().min(1).optional(),
  WORKER_WORKFLOW_POLLERS: z.coerce.number().int().min(2).optional(),
  WORKER_ACTIVITY_POLLERS: z.coerce.number().int().min(1).optional(),
  WORKER_EAGER_ACTIVITIES: z.coerce.number().int().min(0).optional(),
  // Days each kind of record is kept (src/use-cases/retention.ts). 1095 = 3 years, 12 CFR 1006.100.
  RETENTION_CONTACT_ATTEMPTS_DAYS: retentionDays.default(1095),
  RETENTION_CALLS_DAYS: retentionDays.default(1095),
  RETENTION_CALL_TURNS_DAYS: retentionDays.default(1095),
  RETENTION_AUDIT_EVENTS_DAYS: retentionDays.default(1095),
  RETENTION_HUMAN_TASKS_DAYS: retentionDays.default(1095),
  RETENTION_SPEECH_CLIPS_DAYS: retentionDays.default(30),
  RETENTION_SURVEY_ANSWERS_DAYS: retentionDays.default(365),
  RETENTION_RUN_EVERY_MINUTES: z.coerce.number().int().min(1).max(10_080).default(360),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  readonly logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  readonly dataDir: string;
  readonly http: {
    readonly host: string;
    readonly port: number;
    readonly publicBaseUrl: string;
    /** `parley serve` takes a plain-http PUBLIC_BASE_URL only when this is set. */
    readonly allowInsecurePublicUrl: boolean;
    readonly bodyLimitBytes: number;
  };
  readonly temporal: {
    /** Unset: the embedded dev server is started by `parley dev` (and by the tests). */
    readonly address?: string;
    readonly namespace: string;
    readonly taskQueue: string;
    readonly tls?: { readonly certPath?: string; readonly keyPath?: string; readonly caPath?: string; readonly serverName?: string };
    readonly apiKey?: string;
    /** Payload encryption keys (src/temporal/codec): `id=base64,…` (the first encrypts) or a file of them; unset: payloads in clear. */
    readonly payloadKeys?: { readonly list?: string; readonly file?: string };
    /** `parley serve` without payload keys: refused unless this says a person chose it. */
    readonly allowPlaintextPayloads: boolean;
    readonly devServer: { readonly port: number; readonly uiPort: number };
  };
  readonly mongo: {
    /** Unset: the embedded FerretDB is started by `parley dev` (and by the tests). */
    readonly uri?: string;
    readonly database: string;
    readonly ferretDbPort: number;
  };
  readonly twilio: {
    readonly accountSid?: string;
    readonly authToken?: string;
    /** Unset: the real Twilio API. Set: every REST call goes to this base URL instead. */
    readonly apiBaseUrl?: string;
    readonly fromNumber?: string;
    readonly callsPerSecond: number;
    readonly smsPerSecond: number;
  };
  readonly payments: {
    /** Who takes the money. Unset: payment pages are off; `parley dev` uses 'demo', which `parley serve` refuses. */
    readonly provider?: 'demo';
    /** Unset: `parley dev` generates one and keeps it in DATA_DIR; `parley serve` refuses to start. */
    readonly linkSecret?: string;
    readonly linkTtlMs: number;
    readonly webhookSecret?: string;
  };
  readonly openai: { readonly apiKey?: string; readonly baseUrl?: string; readonly model: string; readonly timeoutMs: number };
  /** 'twilio': Twilio's own <Say> and <Gather input="speech">; 'local': espeak-ng + pocketsphinx; 'openai': the OPENAI_* endpoint. */
  readonly speech: { readonly engine: 'twilio' | 'local' | 'openai' };
  /** `parley dev` only: the embedded Twilio simulator and the demo it runs. */
  readonly import: { readonly concurrency: number };
  readonly worker: WorkerTuning;
  readonly dev: { readonly demo: boolean; readonly simulatorPort: number; readonly simulatorDelayScale: number };
  readonly calls: {
    /** Answering machine detection mode; 'off' sends none. */
    readonly machineDetection: 'Enable' | 'DetectMessageEnd' | 'off';
    /** How long a voice webhook waits for its turn before answering a holding prompt (Twilio gives up at 15 s). */
    readonly turnWaitMs: number;
  };
  /** The CLI's commands that talk to a running service call it here, with this key. */
  readonly cli: { readonly apiUrl: string; readonly apiKey?: string };
  /** Unset: only Parley's own API keys are accepted. */
  readonly oidc?: { readonly issuer: string; readonly audience: string; readonly jwksUrl?: string; readonly roleClaim: string };
  /** Browser origins (the Temporal Web UI's) allowed to call /codec. */
  readonly codec: { readonly corsOrigins: readonly string[] };
  readonly rateLimits: { readonly apiPerMinute: number; readonly payPerIpPerMinute: number; readonly payPerLinkPerMinute: number };
  /** Days each kind of record is kept, and how often a worker deletes what has expired. */
  readonly retention: { readonly days: Readonly<Record<RetainedRecords, number>>; readonly runEveryMs: number };
  readonly metrics: MetricsConfig;
}

export type RetentionPolicy = Config['retention'];
export type RetainedRecords = 'contactAttempts' | 'calls' | 'callTurns' | 'auditEvents' | 'humanTasks' | 'speechClips' | 'surveyAnswers';

/** Temporal worker sizing; each unset field keeps the SDK's default. */
export interface WorkerTuning {
  readonly maxCachedWorkflows?: number;
  readonly workflowTaskSlots?: number;
  readonly activitySlots?: number;
  readonly localActivitySlots?: number;
  readonly workflowPollers?: number;
  readonly activityPollers?: number;
  readonly eagerActivities?: number;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** Parses the environment once; throws ConfigError listing every bad key. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // An empty value means "not set", as in .env.example, so the default applies.
  const parsed = envSchema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== '')));
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.TEMPORAL_TLS_CERT_PATH === undefined) !== (e.TEMPORAL_TLS_KEY_PATH === undefined)) {
    problems.push('TEMPORAL_TLS_CERT_PATH and TEMPORAL_TLS_KEY_PATH: set both or neither (mTLS needs the pair)');
  }
  if ((e.TWILIO_ACCOUNT_SID === undefined) !== (e.TWILIO_AUTH_TOKEN === undefined)) {
    problems.push('TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: set both or neither');
  }
  if (e.SPEECH_ENGINE === 'openai' && e.OPENAI_API_KEY === undefined) {
    problems.push('SPEECH_ENGINE=openai: needs OPENAI_API_KEY (and OPENAI_BASE_URL for another endpoint)');
  }
  if ((e.OIDC_ISSUER === undefined) !== (e.OIDC_AUDIENCE === undefined)) {
    problems.push("OIDC_ISSUER and OIDC_AUDIENCE: set both or neither (a token is checked against the issuer and meant for this API's audience)");
  }
  const { metrics, problems: metricsProblems } = parseMetricsConfig(env);
  problems.push(...payloadKeyProblems(e.TEMPORAL_PAYLOAD_KEYS, e.TEMPORAL_PAYLOAD_KEYS_FILE), ...metricsProblems);
  if (problems.length > 0) throw new ConfigError(problems);

  const usesTls = e.TEMPORAL_TLS || e.TEMPORAL_TLS_CERT_PATH !== undefined || e.TEMPORAL_API_KEY !== undefined;
  const publicBaseUrl = (e.PUBLIC_BASE_URL ?? `http://${e.HTTP_HOST}:${e.HTTP_PORT}`).replace(/\/$/, '');
  return deepFreeze({
    logLevel: e.LOG_LEVEL,
    dataDir: e.DATA_DIR,
    http: {
      host: e.HTTP_HOST,
      port: e.HTTP_PORT,
      publicBaseUrl,
      allowInsecurePublicUrl: e.ALLOW_INSECURE_PUBLIC_URL ?? false,
      bodyLimitBytes: e.HTTP_BODY_LIMIT_BYTES,
    },
    temporal: {
      address: e.TEMPORAL_ADDRESS,
      namespace: e.TEMPORAL_NAMESPACE,
      taskQueue: e.TEMPORAL_TASK_QUEUE,
      tls: usesTls
        ? {
            certPath: e.TEMPORAL_TLS_CERT_PATH,
            keyPath: e.TEMPORAL_TLS_KEY_PATH,
            caPath: e.TEMPORAL_TLS_CA_PATH,
            serverName: e.TEMPORAL_TLS_SERVER_NAME,
          }
        : undefined,
      apiKey: e.TEMPORAL_API_KEY,
      payloadKeys: e.TEMPORAL_PAYLOAD_KEYS_FILE ? { file: e.TEMPORAL_PAYLOAD_KEYS_FILE } : e.TEMPORAL_PAYLOAD_KEYS ? { list: e.TEMPORAL_PAYLOAD_KEYS } : undefined,
      allowPlaintextPayloads: e.ALLOW_PLAINTEXT_PAYLOADS ?? false,
      devServer: { port: e.TEMPORAL_DEV_PORT, uiPort: e.TEMPORAL_UI_PORT },
    },
    mongo: { uri: e.MONGODB_URI, database: e.MONGODB_DATABASE, ferretDbPort: e.FERRETDB_PORT },
    twilio: {
      accountSid: e.TWILIO_ACCOUNT_SID,
      authToken: e.TWILIO_AUTH_TOKEN,
      apiBaseUrl: e.TWILIO_API_BASE_URL?.replace(/\/$/, ''),
      fromNumber: e.TWILIO_FROM_NUMBER,
      callsPerSecond: e.TWILIO_CALLS_PER_SECOND,
      smsPerSecond: e.TWILIO_SMS_PER_SECOND,
    },
    payments: {
      provider: e.PAYMENT_PROVIDER,
      linkSecret: e.PAYMENT_LINK_SECRET,
      linkTtlMs: e.PAYMENT_LINK_TTL_HOURS * 60 * 60 * 1000,
      webhookSecret: e.PAYMENT_WEBHOOK_SECRET,
    },
    openai: { apiKey: e.OPENAI_API_KEY, baseUrl: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.OPENAI_TIMEOUT_MS },
    speech: { engine: e.SPEECH_ENGINE },
    dev: { demo: e.DEV_DEMO ?? true, simulatorPort: e.DEV_SIMULATOR_PORT, simulatorDelayScale: e.DEV_SIMULATOR_DELAY_SCALE },
    calls: { machineDetection: e.CALL_MACHINE_DETECTION, turnWaitMs: e.CALL_TURN_WAIT_MS },
    cli: { apiUrl: e.PARLEY_API_URL?.replace(/\/$/, '') ?? publicBaseUrl, apiKey: e.PARLEY_API_KEY },
    oidc: e.OIDC_ISSUER ? { issuer: e.OIDC_ISSUER, audience: e.OIDC_AUDIENCE!, jwksUrl: e.OIDC_JWKS_URL, roleClaim: e.OIDC_ROLE_CLAIM } : undefined,
    codec: {
      corsOrigins: (e.CODEC_CORS_ORIGINS ?? `http://127.0.0.1:${e.TEMPORAL_UI_PORT},http://localhost:${e.TEMPORAL_UI_PORT}`)
        .split(',')
        .map((origin) => origin.trim())
        .filter((origin) => origin !== ''),
    },
    rateLimits: {
      apiPerMinute: e.RATE_LIMIT_API_PER_MINUTE,
      payPerIpPerMinute: e.RATE_LIMIT_PAY_PER_IP_PER_MINUTE,
      payPerLinkPerMinute: e.RATE_LIMIT_PAY_PER_LINK_PER_MINUTE,
    },
    import: { concurrency: e.IMPORT_CONCURRENCY },
    retention: {
      days: {
        contactAttempts: e.RETENTION_CONTACT_ATTEMPTS_DAYS,
        calls: e.RETENTION_CALLS_DAYS,
        callTurns: e.RETENTION_CALL_TURNS_DAYS,
        auditEvents: e.RETENTION_AUDIT_EVENTS_DAYS,
        humanTasks: e.RETENTION_HUMAN_TASKS_DAYS,
        speechClips: e.RETENTION_SPEECH_CLIPS_DAYS,
        surveyAnswers: e.RETENTION_SURVEY_ANSWERS_DAYS,
      },
      runEveryMs: e.RETENTION_RUN_EVERY_MINUTES * 60_000,
    },
    // Unset keys keep the Temporal SDK's defaults (docs/benchmarks.md has the measurements).
    worker: {
      maxCachedWorkflows: e.WORKER_MAX_CACHED_WORKFLOWS,
      workflowTaskSlots: e.WORKER_WORKFLOW_TASK_SLOTS,
      activitySlots: e.WORKER_ACTIVITY_SLOTS,
      localActivitySlots: e.WORKER_LOCAL_ACTIVITY_SLOTS,
      workflowPollers: e.WORKER_WORKFLOW_POLLERS,
      activityPollers: e.WORKER_ACTIVITY_POLLERS,
      eagerActivities: e.WORKER_EAGER_ACTIVITIES,
    },
    metrics,
  });
}

/** Bad payload keys stop the process at start, not at the first workflow. */
function payloadKeyProblems(list: string | undefined, file: string | undefined): string[] {
  if (list && file) return ['TEMPORAL_PAYLOAD_KEYS and TEMPORAL_PAYLOAD_KEYS_FILE: set one, not both'];
  try {
    if (file) keyRingFromFile(file);
    else if (list) keyRingFromText(list, 'TEMPORAL_PAYLOAD_KEYS');
    return [];
  } catch (err) {
    return [(err as Error).message];
  }
}

/** What `parley dev` or the tests started or generated themselves, for the keys left unset. */
export interface EmbeddedDefaults {
  temporalAddress?: string;
  mongoUri?: string;
  twilio?: { accountSid: string; authToken: string; apiBaseUrl: string; fromNumber: string };
  payments?: { provider: 'demo'; linkSecret: string; webhookSecret: string };
  payloadKeys?: string;
}

/** The config with embedded defaults filled in where the environment configured nothing. */
export function withEmbeddedServers(config: Config, embedded: EmbeddedDefaults): Config {
  const twilioConfigured = config.twilio.accountSid !== undefined;
  return deepFreeze({
    ...config,
    temporal: {
      ...config.temporal,
      address: config.temporal.address ?? embedded.temporalAddress,
      payloadKeys: config.temporal.payloadKeys ?? (embedded.payloadKeys ? { list: embedded.payloadKeys } : undefined),
    },
    mongo: { ...config.mongo, uri: config.mongo.uri ?? embedded.mongoUri },
    twilio: twilioConfigured || !embedded.twilio ? config.twilio : { ...config.twilio, ...embedded.twilio },
    payments: {
      ...config.payments,
      provider: config.payments.provider ?? embedded.payments?.provider,
      linkSecret: config.payments.linkSecret ?? embedded.payments?.linkSecret,
      webhookSecret: config.payments.webhookSecret ?? embedded.payments?.webhookSecret,
    },
  });
}

export type ResolvedConfig = Config & {
  temporal: { address: string };
  mongo: { uri: string };
};

/** Narrows a config whose server addresses are known (external or embedded). */
export function requireServers(config: Config): ResolvedConfig {
  const missing = [
    ...(config.temporal.address === undefined ? ['TEMPORAL_ADDRESS: required here (only `parley dev` starts an embedded server)'] : []),
    ...(config.mongo.uri === undefined ? ['MONGODB_URI: required here (only `parley dev` starts an embedded server)'] : []),
  ];
  if (missing.length > 0) throw new ConfigError(missing);
  return config as ResolvedConfig;
}

/** What a worker needs to contact people: Twilio credentials and a sender, and the payment-link secret. */
export function requireWorkerSettings(config: Config): void {
  const missing = [
    ...(config.twilio.accountSid === undefined ? ['TWILIO_ACCOUNT_SID and TWILIO_AUTH_TOKEN: required to send texts and place calls'] : []),
    ...(config.twilio.fromNumber === undefined ? ['TWILIO_FROM_NUMBER: required, the sender and caller id (E.164)'] : []),
    ...(config.payments.linkSecret === undefined ? ['PAYMENT_LINK_SECRET: required, it signs payment links'] : []),
  ];
  if (missing.length > 0) throw new ConfigError(missing);
}

/**
 * `parley serve` faces the internet: webhooks carry what people say and pay, and payment links a
 * token, so its public URL is https. Plain http only when ALLOW_INSECURE_PUBLIC_URL says so (a
 * private network, a load test); the answer is then the warning to log at start.
 */
export function requireSecurePublicUrl(config: Config): { warning?: string } {
  if (config.http.publicBaseUrl.startsWith('https://')) return {};
  const url = `PUBLIC_BASE_URL (${config.http.publicBaseUrl})`;
  if (!config.http.allowInsecurePublicUrl) {
    throw new ConfigError([`${url}: must be https under \`parley serve\` (set ALLOW_INSECURE_PUBLIC_URL=true to serve plain http on a private network)`]);
  }
  return { warning: `${url} is plain http (ALLOW_INSECURE_PUBLIC_URL=true): webhooks, payment links and API keys cross the network unencrypted` };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
