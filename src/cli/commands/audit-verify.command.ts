import type { Command } from 'commander';
import type { Client } from '@temporalio/client';
import { ConfigError, type Config } from '../../config/config';
import type { Repositories } from '../../adapters/mongo/repositories';
import { TemporalGateway } from '../../temporal/gateway';
import { RespondentGateway } from '../../temporal/respondent-gateway';
import { auditWritesInHistory } from '../../temporal/audit-writes';
import { verifyAuditLog, type AuditVerification } from '../../audit/audit-verification';
import type { AuditProblem, StoredAuditEntry } from '../../audit/audit-entry';
import { withDatabase, withTemporal } from './service-connections';

// `parley audit verify`: one person's audit log checked on its own (every hash recomputes, every
// entry links to the one before) and against their workflow history (every audit write the
// workflow made is stored as it was sent, and nothing else is). Exit 0 all holds, 1 a problem
// was found, 2 bad input.

/**
 * The subject's workflow id, or exit 2 naming the campaign (survey) or account (respondent) that
 * does not exist. A person with no import record but entries in the log (erased) is still checked.
 */
async function subjectOf(repositories: Repositories, owner: string, ref: string, survey: boolean): Promise<string> {
  const [ownerWord, refWord] = survey ? ['survey', 'respondent'] : ['campaign', 'account'];
  if (!(await repositories.campaigns.state(owner))) throw new ConfigError([`${ownerWord}: no ${ownerWord} '${owner}'`]);
  const workflowId = survey ? RespondentGateway.workflowId(owner, ref) : TemporalGateway.debtorWorkflowId(owner, ref);
  const record = survey ? await repositories.respondents.byWorkflowId(workflowId) : await repositories.debtors.byAccount(owner, ref);
  if (record === null && (await repositories.audit.chainOf(workflowId)).length === 0) {
    throw new ConfigError([`${refWord}: no ${refWord} '${ref}' in ${ownerWord} '${owner}'`]);
  }
  return workflowId;
}

/**
 * The history is read before the log, so every write it shows completed must be stored. An entry
 * stored after that read (a running workflow) sends it to the history once more; that second read
 * only adds writes, and keeps the first read's word on which had completed.
 */
async function verifySubject(client: Client, workflowId: string, entries: () => Promise<StoredAuditEntry[]>): Promise<AuditVerification> {
  const before = await auditWritesInHistory(client, workflowId);
  const stored = await entries();
  const known = new Set(before?.writes.map((write) => write.input.eventKey));
  if (!before || stored.every((entry) => known.has(entry.eventKey))) return verifyAuditLog(workflowId, stored, before);
  const after = (await auditWritesInHistory(client, workflowId)) ?? before;
  const completed = new Set(before.writes.filter((write) => write.completed).map((write) => write.input.eventKey));
  const writes = after.writes.map((write) => ({ ...write, completed: completed.has(write.input.eventKey) }));
  return verifyAuditLog(workflowId, stored, { runs: after.runs, writes });
}

function problemLine(problem: AuditProblem): string {
  const entry = problem.chainSeq !== undefined ? `#${problem.chainSeq} (${problem.eventKey})` : problem.eventKey;
  return `problem: entry ${entry}: ${problem.detail}\n`;
}

function describeVerification(v: AuditVerification): string {
  const plural = (n: number, word: string, words = `${word}s`) => `${n} ${n === 1 ? word : words}`;
  const span = v.first !== undefined ? `, chain positions #${v.first}-#${v.last}` : '';
  const lines = [`${v.workflowId}: ${plural(v.entriesChecked, 'audit entry', 'audit entries')} checked${span}\n`];
  if (v.expiredBefore !== undefined) lines.push(`entries before #${v.expiredBefore} expired under retention\n`);
  lines.push(
    v.history
      ? `workflow history: ${plural(v.history.runs, 'run')}, ${plural(v.history.writes, 'audit write')}${v.history.inFlight ? `, ${v.history.inFlight} still in flight` : ''}\n`
      : 'workflow history: not checked: Temporal has no such workflow (past its namespace retention?); only the chain was checked\n',
  );
  lines.push(...v.problems.map(problemLine));
  lines.push(
    v.ok
      ? `ok: every hash recomputes and every entry links to the one before${v.history ? ', and the log agrees with the workflow history' : ''}\n`
      : `${plural(v.problems.length, 'problem')} found\n`,
  );
  return lines.join('');
}

/** Registers `audit verify` in the audit group. */
export function auditVerifyCommand(audit: Command, config: () => Config): void {
  audit
    .command('verify')
    .description("check one person's audit log: its hash chain, and that it agrees with their workflow history (exit 1 on any problem)")
    .argument('<campaign>', 'the campaign (with --survey, the survey)')
    .argument('<account>', "the debtor's account reference (with --survey, the respondent's reference)")
    .option('--survey', 'the subject is a survey respondent: SURVEY RESPONDENT')
    .option('--json', 'print JSON')
    .action(async (owner: string, ref: string, opts: { survey?: boolean; json?: boolean }) => {
      const c = config();
      const verification = await withDatabase(c, async (mongo) => {
        const workflowId = await subjectOf(mongo.repositories, owner, ref, opts.survey === true);
        return withTemporal(c, (client) => verifySubject(client, workflowId, () => mongo.repositories.audit.chainOf(workflowId)));
      });
      process.stdout.write(opts.json ? `${JSON.stringify(verification)}\n` : describeVerification(verification));
      if (!verification.ok) process.exitCode = 1;
    });
}
