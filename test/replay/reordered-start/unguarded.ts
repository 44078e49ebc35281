// Today's workflows, the respondent's started in the new order for every run, old ones included.
export * from '../../../workflows';
import { respondentWorkflowStarting } from './respondent.workflow';

export const respondentWorkflow = respondentWorkflowStarting(() => true);
