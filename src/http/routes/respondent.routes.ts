import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppDeps } from '../app-deps';
import { parseRequest } from '../request-input';
import { actorOf, principalOf } from '../access/auth-guard';
import { referencePattern } from '../../use-cases/row-cells';
import { pauseRespondent, resolveFollowUp, resumeRespondent, showRespondent } from '../../use-cases/respondents';
import { surveyParams } from './survey.routes';

const text = z.string().trim().min(1, 'must not be empty').max(2000);

export const respondentParams = surveyParams.extend({
  respondentRef: z.string().regex(referencePattern, 'must be 1 to 64 letters, digits, dots, dashes or underscores').describe("The respondent's reference, as imported"),
});

export const respondentBodies = {
  pause: z.strictObject({ reason: text }),
  resolution: z.strictObject({ notes: text.describe('What was done about the respondent’s experience') }),
};

export const followUpParams = respondentParams.extend({ taskId: z.string().min(1).max(300) });

/** One respondent: their state, an operator's pause and resume, and the follow-up of a detractor. */
export async function respondentRoutes(app: FastifyInstance, deps: AppDeps): Promise<void> {
  const one = '/surveys/:surveyId/respondents/:respondentRef';
  app.get(one, async (request) => showRespondent(deps, parseRequest(respondentParams, request.params)));
  app.post(`${one}/pause`, async (request) =>
    pauseRespondent(deps, parseRequest(respondentParams, request.params), parseRequest(respondentBodies.pause, request.body).reason, actorOf(request)),
  );
  app.post(`${one}/resume`, async (request) => resumeRespondent(deps, parseRequest(respondentParams, request.params), actorOf(request)));
  app.post(`${one}/follow-ups/:taskId/resolution`, async (request) => {
    const { taskId, ...key } = parseRequest(followUpParams, request.params);
    return resolveFollowUp(deps, key, { taskId, notes: parseRequest(respondentBodies.resolution, request.body).notes }, principalOf(request));
  });
}
