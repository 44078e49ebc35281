import { RespondentGateway } from '../temporal/respondent-gateway';
import type { RespondentView } from '../../workflows/respondent/respondent.messages';
import { getSurvey } from './surveys';
import type { UseCaseDeps } from './use-case-deps';
import { askWorkflow } from './workflow-errors';
import { noteResolved, requireHolderOrAdmin, type Agent } from './human-task-claims';

// One survey respondent as an operator sees them, and what an operator or the person following up
// a detractor does to them; the respondent's workflow validates each action.

export interface RespondentKey {
  surveyId: string;
  respondentRef: string;
}

const workflowIdOf = ({ surveyId, respondentRef }: RespondentKey) => RespondentGateway.workflowId(surveyId, respondentRef);

export async function showRespondent(deps: UseCaseDeps, key: RespondentKey): Promise<RespondentView> {
  await getSurvey(deps, key.surveyId);
  return askWorkflow(() => deps.gateway.respondents.state(workflowIdOf(key)));
}

/**
 * Records what was done about a detractor's (or a hand-off's) experience, which closes the loop;
 * by the agent who holds the task in the queue, when someone does (or an admin).
 */
export async function resolveFollowUp(deps: UseCaseDeps, key: RespondentKey, resolution: { taskId: string; notes: string }, agent: Agent): Promise<RespondentView> {
  await requireHolderOrAdmin(deps, resolution.taskId, agent);
  const view = await askWorkflow(() => deps.gateway.respondents.resolveFollowUp(workflowIdOf(key), { ...resolution, actor: agent.actor }));
  await noteResolved(deps, resolution.taskId, agent, 'followed-up');
  return view;
}

export function pauseRespondent(deps: UseCaseDeps, key: RespondentKey, reason: string, actor: string): Promise<RespondentView> {
  return askWorkflow(() => deps.gateway.respondents.pause(workflowIdOf(key), reason, 'operator', actor));
}

export function resumeRespondent(deps: UseCaseDeps, key: RespondentKey, actor: string): Promise<RespondentView> {
  return askWorkflow(() => deps.gateway.respondents.resume(workflowIdOf(key), 'operator', actor));
}
