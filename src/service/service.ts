import type { FastifyInstance } from 'fastify';
import type { Client } from '@temporalio/client';
import { requireWorkerSettings, type ResolvedConfig } from '../config/config';
import type { Logger } from '../logging/logger';
import { connectMongo, type MongoHandle } from '../adapters/mongo/connection';
import { createTwilioRestClient } from '../adapters/twilio/twilio-rest-client';
import { twilioSmsGateway } from '../adapters/twilio/twilio-sms';
import { twilioCallGateway } from '../adapters/twilio/twilio-calls';
import { createLlmDialog, type LlmDialog } from '../adapters/openai/llm-dialog';
import { createSpeechEngine } from '../adapters/speech/speech-engines';
import { twilioRecordingFetcher } from '../adapters/twilio/twilio-recordings';
import { createPaymentLinks } from '../payments/payment-links';
import { connectTemporalClient } from '../temporal/client';
import { TemporalGateway } from '../temporal/gateway';
import { createParleyWorkers, type ParleyWorkers } from '../temporal/worker';
import { installTemporalRuntimeLogger } from '../logging/temporal-runtime-logger';
import { buildApp } from '../http/app';
import { startRetentionJob } from './retention-job';
import { createServiceMetrics } from '../metrics/service-metrics';
import { activityMetricsInterceptor, workflowStartsInterceptor } from '../metrics/temporal-interceptors';
import { temporalRuntimeMetrics } from '../metrics/temporal-runtime-metrics';
import { countedCalls, countedSms } from '../metrics/counted-gateways';
import { observeCallTurn } from '../metrics/turn-metrics';
import { startMetricsListener, type MetricsListener } from '../metrics/metrics-listener';
import { createLiveHub } from '../live/live-hub';

export type { ResolvedConfig };

export interface RunningService {
  readonly httpUrl?: string;
  readonly gateway: TemporalGateway;
  readonly mongo: MongoHandle;
  /** The LLM dialog's prompt cache (hits, misses, hit rate) when an LLM is configured on this worker. */
  readonly llmCacheStats?: () => { hits: number; misses: number; hitRate: number };
  /** Call turns this worker answered from a campaign's FAQ, with no LLM asked: beside the cache hits, how often the LLM was not needed. */
  readonly faqAnswers: () => number;
  /** METRICS_PORT's listener, when one is configured. */
  readonly metricsUrl?: string;
  stop(): Promise<void>;
}

/**
 * Starts the API, the worker, or both in one process, against servers that are already running.
 * stop() closes in the order that loses nothing: stop taking requests, let the workers finish
 * their in-flight tasks, then close the connections.
 */
export async function startService(
  config: ResolvedConfig,
  logger: Logger,
  roles: { api: boolean; worker: boolean },
  embedded: { temporalUiUrl?: string } = {},
): Promise<RunningService> {
  if (roles.worker) requireWorkerSettings(config);
  const mongo = await connectMongo(config.mongo.uri, config.mongo.database);
  let client: Client | undefined;
  let workers: ParleyWorkers | undefined;
  let workersRun: Promise<void> | undefined;
  let app: FastifyInstance | undefined;
  let stopRetention: (() => Promise<void>) | undefined;
  let metricsListener: MetricsListener | undefined;
  // Only a worker's process runs the Temporal runtime whose metrics /metrics appends.
  const runtimeMetricsAddress = roles.worker ? config.metrics.temporalBindAddress : undefined;
  const metrics = createServiceMetrics({ runtimeMetricsAddress });
  const llm = roles.worker && config.openai.apiKey ? createLlmDialog(config.openai, logger) : undefined;
  let faqAnswers = 0;
  const stopCacheReport = llm && reportLlmCache(llm, () => faqAnswers, logger);
  const stop = () => {
    stopCacheReport?.();
    return stopAll({ app, metricsListener, workers, workersRun, stopRetention, client, mongo }, logger);
  };
  try {
    client = await connectTemporalClient(config.temporal, [workflowStartsInterceptor(metrics)]);
    const gateway = new TemporalGateway(client, config.temporal.taskQueue);

    if (roles.worker) {
      installTemporalRuntimeLogger(logger, runtimeMetricsAddress ? temporalRuntimeMetrics(runtimeMetricsAddress) : undefined);
      const twilio = createTwilioRestClient({
        accountSid: config.twilio.accountSid!,
        authToken: config.twilio.authToken!,
        apiBaseUrl: config.twilio.apiBaseUrl,
      });
      workers = await createParleyWorkers(config, {
        repositories: mongo.repositories,
        sms: countedSms(twilioSmsGateway(twilio, config.twilio.fromNumber!), metrics),
        paymentLinks: createPaymentLinks({
          secret: config.payments.linkSecret!,
          publicBaseUrl: config.http.publicBaseUrl,
          ttlMs: config.payments.linkTtlMs,
        }),
        publicBaseUrl: config.http.publicBaseUrl,
        voice: {
          calls: countedCalls(twilioCallGateway(twilio, config.twilio.fromNumber!), metrics),
          fromNumber: config.twilio.fromNumber!,
          machineDetection: config.calls.machineDetection === 'off' ? undefined : config.calls.machineDetection,
          llm,
          speechEngine: config.speech.engine === 'twilio' ? undefined : config.speech.engine,
          onTurnRecorded: (turn) => {
            if (turn.faq) faqAnswers += 1;
            observeCallTurn(metrics, turn);
          },
        },
        speech: {
          engine: createSpeechEngine(config),
          recordings: twilioRecordingFetcher({ accountSid: config.twilio.accountSid!, authToken: config.twilio.authToken!, apiBaseUrl: config.twilio.apiBaseUrl }),
        },
        debtorWorkflows: gateway,
      }, { activity: [activityMetricsInterceptor(metrics)] });
      workersRun = workers.run();
      workersRun.catch((err) => logger.fatal({ err }, 'a worker stopped with an error'));
      stopRetention = startRetentionJob(mongo.repositories, config.retention, logger);
    }
    let httpUrl: string | undefined;
    if (roles.api) {
      app = await buildApp({ config, logger, mongo, gateway, metrics, live: createLiveHub(), temporalUiUrl: embedded.temporalUiUrl });
      await app.listen({ host: config.http.host, port: config.http.port });
      const address = app.server.address();
      httpUrl = typeof address === 'object' && address ? `http://${config.http.host}:${address.port}` : config.http.publicBaseUrl;
    }
    if (config.metrics.listener) metricsListener = await startMetricsListener(config.metrics.listener, metrics, logger);
    return { httpUrl, gateway, mongo, llmCacheStats: llm && (() => llm.cacheStats()), faqAnswers: () => faqAnswers, metricsUrl: metricsListener?.url, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** The LLM prompt cache's hit rate and the FAQ's answers, in the log every few minutes while they change, and at stop. */
function reportLlmCache(llm: LlmDialog, faqAnswers: () => number, logger: Logger): () => void {
  let reportedTurns = 0;
  const report = () => {
    const stats = llm.cacheStats();
    const turns = stats.hits + stats.misses + faqAnswers();
    if (turns === reportedTurns) return;
    reportedTurns = turns;
    logger.info({ llmPromptCache: stats, faqAnswers: faqAnswers() }, 'LLM prompt cache');
  };
  const timer = setInterval(report, 5 * 60_000);
  timer.unref();
  return () => {
    clearInterval(timer);
    report();
  };
}

async function stopAll(
  parts: {
    app?: FastifyInstance;
    metricsListener?: MetricsListener;
    workers?: ParleyWorkers;
    workersRun?: Promise<void>;
    stopRetention?: () => Promise<void>;
    client?: Client;
    mongo: MongoHandle;
  },
  logger: Logger,
): Promise<void> {
  await parts.app?.close();
  await parts.metricsListener?.close();
  parts.workers?.shutdown();
  await parts.workersRun?.catch(() => undefined);
  await parts.stopRetention?.();
  await parts.workers?.close().catch((err: unknown) => logger.warn({ err }, 'closing the worker connection failed'));
  await parts.client?.connection.close();
  await parts.mongo.close();
}
