import mongoose from 'mongoose';
import type { Models } from '../models';
import type { ErasureDoc } from '../models/erasure.model';
import { erasedMark } from '../../../policy/erasure-terms';

// The stored data of one person, erased in place: every write here only removes or blanks what
// names the person or quotes them, so the records that must stay still say what happened.

export type ErasureRecord = ErasureDoc;

/** Matches the ids of a person's calls (`<workflow id>/call/…`) and of those calls' clips. */
const callsOf = (workflowId: string) => new RegExp(`^${workflowId.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/call/`);

export function createErasureRepository(models: Models) {
  const { debtors, respondents, contactAttempts, calls, callTurns, speechClips, humanTasks, surveyAnswers, erasures } = models;
  return {
    async eraseDebtorProfile(workflowId: string): Promise<number> {
      const result = await debtors.updateOne(
        { workflowId },
        { $set: { fullName: erasedMark, firstName: erasedMark, phone: erasedMark, segmentData: {}, erasedAt: new Date() }, $unset: { birthYear: 1, zip: 1 } },
      );
      return result.modifiedCount;
    },

    async eraseRespondentProfile(workflowId: string): Promise<number> {
      const result = await respondents.updateOne({ workflowId }, { $set: { phone: erasedMark, hidden: {}, erasedAt: new Date() }, $unset: { firstName: 1 } });
      return result.modifiedCount;
    },

    /** The number each text went to and each call dialled. */
    async eraseContactNumbers(workflowId: string): Promise<number> {
      return (await contactAttempts.updateMany({ workflowId }, { $set: { to: erasedMark } })).matchedCount;
    },

    /** The hand-off summaries of the person's calls, which retell the conversation. */
    async eraseCallSummaries(workflowId: string): Promise<number> {
      return (await calls.updateMany({ debtorWorkflowId: workflowId }, { $unset: { escalationSummary: 1, 'outcome.escalated.summary': 1 } })).matchedCount;
    },

    /**
     * What the person said in each call turn (words, keys pressed, what was taken from them), and
     * what the service said: erased when `said` is undefined, else replaced by `said(text)`.
     */
    async eraseCallWords(workflowId: string, said?: (text: string) => string): Promise<number> {
      const turns = await callTurns.find({ callWorkflowId: callsOf(workflowId) }).select({ _id: 1, said: 1 }).lean();
      for (const turn of turns) {
        await callTurns.updateOne({ _id: turn._id }, { $set: { heard: '', entities: {}, said: said ? said(turn.said) : '' }, $unset: { digits: 1 } });
      }
      return turns.length;
    },

    /** The synthesized audio of the person's calls: it speaks their name, and the words are in the call turns. */
    async deleteSpeechClips(workflowId: string): Promise<number> {
      return (await speechClips.deleteMany({ key: callsOf(workflowId) })).deletedCount;
    },

    /** The summaries and transcripts of tasks handed to a person, which quote the conversation. */
    async eraseTaskTexts(workflowId: string): Promise<number> {
      return (await humanTasks.updateMany({ workflowId }, { $set: { summary: erasedMark }, $unset: { transcript: 1 } })).matchedCount;
    },

    /** The words of every answer, and the value of every probe (a reason in the person's words) and of the free-text questions named. */
    async eraseSurveyWords(workflowId: string, freeTextQuestionIds: readonly string[]): Promise<number> {
      const words = await surveyAnswers.updateMany({ workflowId }, { $set: { utterance: '' } });
      await surveyAnswers.updateMany({ workflowId, part: 'probe' }, { $set: { value: null } });
      // trusted: our own operator on question ids from the survey document.
      await surveyAnswers.updateMany({ workflowId, questionId: mongoose.trusted({ $in: [...freeTextQuestionIds] }) }, { $set: { value: null } });
      return words.matchedCount;
    },

    /** The survey versions the person answered under, to know which of their answers are free text. */
    answeredVersions: (workflowId: string): Promise<number[]> => surveyAnswers.distinct('surveyVersion', { workflowId }),

    async record(erasure: ErasureRecord): Promise<void> {
      await erasures.create(erasure);
    },
  };
}
