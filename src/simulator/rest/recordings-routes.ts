import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SimulatorContext } from '../context';
import { twilioErrors } from '../twilio-errors';
import { MissingToolError, synthesizeRecording } from '../voice/recording-audio';
import { authenticate } from './authentication';
import { recordingJson } from './resources';

interface RecordingRoute {
  Params: { accountSid: string; file: string };
}

// Synthesizing a minute of speech takes well under a second; this only stops a stuck tool.
const SYNTHESIS_TIMEOUT_MS = 15_000;

/**
 * A recording's media and resource, behind the account's basic auth as Twilio serves them
 * (https://www.twilio.com/docs/voice/api/recording#fetch-a-recording-media-file): "{Sid}" and
 * "{Sid}.wav" are the WAV, "{Sid}.json" the resource. The media is made when asked for.
 */
export function registerRecordingRoutes(app: FastifyInstance, context: SimulatorContext): void {
  // https://www.twilio.com/docs/voice/api/recording#delete-a-recording-resource: 204, then 404 for it.
  app.delete<RecordingRoute>('/2010-04-01/Accounts/:accountSid/Recordings/:file', async (request, reply) => {
    const { sid } = requestedRecording(context, request, 'json', ['json']);
    context.store.deleteRecording(sid);
    return reply.code(204).send();
  });

  app.get<RecordingRoute>('/2010-04-01/Accounts/:accountSid/Recordings/:file', async (request, reply) => {
    const { extension, found } = requestedRecording(context, request, 'wav', ['wav', 'json']);
    if (extension === 'json') return recordingJson(found.call, found.recording);
    try {
      const wav = await synthesizeRecording(found.recording.text, found.recording.language, SYNTHESIS_TIMEOUT_MS);
      return reply.type('audio/x-wav').send(wav);
    } catch (error) {
      if (!(error instanceof MissingToolError)) throw error;
      context.log({ level: 'error', message: error.message, callSid: found.call.sid });
      return reply.code(500).send({ error: error.message, missingTool: error.tool });
    }
  });
}

/** The recording a request names ("{Sid}" or "{Sid}.{extension}"), of the authenticated account; Twilio's 404 otherwise. */
function requestedRecording(context: SimulatorContext, request: FastifyRequest<RecordingRoute>, defaultExtension: string, extensions: string[]) {
  const account = authenticate(context.options.accounts, request.headers.authorization, request.params.accountSid);
  const [sid, extension = defaultExtension] = request.params.file.split('.', 2) as [string, string | undefined];
  const found = context.store.recording(sid);
  if (!found || found.call.accountSid !== account.sid || !extensions.includes(extension)) throw twilioErrors.notFound(request.url);
  return { sid, extension, found };
}
