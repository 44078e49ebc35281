// Every workflow the worker registers. Nothing here may touch I/O: see workflows/README in the main README.
export { selfCheckWorkflow } from './self-check.workflow';
export { debtorWorkflow } from './debtor/debtor.workflow';
export { callWorkflow } from './call/call.workflow';
export { campaignBroadcastWorkflow } from './campaign/campaign-broadcast.workflow';
export { respondentWorkflow } from './respondent/respondent.workflow';
export { surveyCallWorkflow } from './survey-call/survey-call.workflow';
