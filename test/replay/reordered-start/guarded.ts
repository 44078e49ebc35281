import { patched } from '@temporalio/workflow';
import { respondentWorkflowStarting } from './respondent.workflow';

// Today's workflows, the respondent's started in the new order only by runs that began under it:
// a run whose history has no marker of the patch keeps the order it was recorded with.
export * from '../../../workflows';

export const respondentWorkflow = respondentWorkflowStarting(() => patched('mirror-before-start-audit'));
