import type { Command } from 'commander';
import { reportFailure, type ApiClient } from '../api-client';
import type { ErasureRecord } from '../../adapters/mongo/repositories';

/**
 * `parley erase debtor CAMPAIGN ACCOUNT --reason …` and `parley erase respondent SURVEY REF --reason …`:
 * a person's erasure request, on the service at PARLEY_API_URL (admin key).
 */
export function eraseCommands(program: Command, api: () => ApiClient): void {
  const erase = program
    .command('erase')
    .description("erase a person's stored data where the law allows, on the service at PARLEY_API_URL; prints what was erased and what was kept, and why");
  const subjects = [
    { name: 'debtor', group: 'campaignId', ref: 'accountRef', path: (group: string, ref: string) => `/campaigns/${group}/debtors/${ref}/erasure` },
    { name: 'respondent', group: 'surveyId', ref: 'respondentRef', path: (group: string, ref: string) => `/surveys/${group}/respondents/${ref}/erasure` },
  ];
  for (const subject of subjects) {
    erase
      .command(subject.name)
      .argument(`<${subject.group}>`)
      .argument(`<${subject.ref}>`)
      .requiredOption('--reason <text>', 'who asked and how (a letter of 2026-11-02, ticket 4411); kept in the erasure record')
      .option('--json', 'print the erasure record as JSON')
      .description(`erase a ${subject.name}'s data (refused while their workflow runs)`)
      .action(async (group: string, ref: string, options: { reason: string; json?: boolean }) => {
        const path = subject.path(encodeURIComponent(group), encodeURIComponent(ref));
        const response = await api().sendText('POST', path, 'application/json', JSON.stringify({ reason: options.reason }));
        if (response.status !== 200) {
          process.exitCode = reportFailure(response);
          return;
        }
        const record = response.body as ErasureRecord;
        process.stdout.write(options.json ? `${JSON.stringify(record, null, 2)}\n` : describeErasure(record));
      });
  }
}

function describeErasure(record: ErasureRecord): string {
  const { kind, groupId, ref } = record.subject;
  return [
    `erased ${kind} ${ref} of ${groupId} (erasure ${record.erasureId}, by ${record.requestedBy} at ${new Date(record.at).toISOString()})`,
    'erased:',
    ...record.erased.map((item) => `  - ${item.what}: ${item.records} record${item.records === 1 ? '' : 's'}`),
    'kept:',
    ...record.kept.flatMap((item) => [`  - ${item.what}`, `      why: ${item.why}`, ...(item.until ? [`      until: ${item.until}`] : [])]),
    '',
  ].join('\n');
}
