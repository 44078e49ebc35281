import type { Command } from 'commander';
import { DateTime } from 'luxon';
import { reportFailure, type ApiClient } from '../api-client';
import { formatMoney } from '../../policy/money';
import type { DebtorProfile, DebtorView } from '../../../workflows/debtor/debtor.messages';

/** `parley debtor show CAMPAIGN_ID ACCOUNT_REF`: a debtor's live state, for a person. */
export function debtorCommands(program: Command, api: () => ApiClient): void {
  const debtor = program.command('debtor').description('debtor accounts, on the service at PARLEY_API_URL');
  debtor
    .command('show')
    .argument('<campaignId>', 'the campaign')
    .argument('<accountRef>', "the debtor's account reference")
    .description('status, balance, next contact (in the debtor\'s time zone) and why, attempts, open promise or plan')
    .action(async (campaignId: string, accountRef: string) => {
      const response = await api().get(`/campaigns/${encodeURIComponent(campaignId)}/debtors/${encodeURIComponent(accountRef)}`);
      if (response.status !== 200) {
        process.exitCode = reportFailure(response);
        return;
      }
      process.stdout.write(describeDebtor(response.body as { profile: DebtorProfile; state: DebtorView }));
    });
}

function describeDebtor({ profile, state }: { profile: DebtorProfile; state: DebtorView }): string {
  const money = (minor: number) => formatMoney(minor, state.currency, 'en');
  // Times are shown where the debtor lives: contact windows and promises are reasoned about there.
  const when = (ms: number) => DateTime.fromMillis(ms, { zone: profile.timeZone }).toFormat("ccc d LLL yyyy, HH:mm ZZZZ");
  const lines: Array<[string, string]> = [
    ['account', `${profile.fullName} (${state.accountRef}), campaign ${state.campaignId} v${state.campaignVersion}`],
    ['status', `${state.status}${state.paused ? (state.pausedBy?.length ? ` (paused by ${state.pausedBy.join(' and ')})` : ' (paused)') : ''}${state.strategy !== 'undecided' ? `, strategy ${state.strategy}` : ''}`],
    ['balance', `${money(state.balanceMinor)} (paid ${money(state.paidMinor)}, due ${money(profile.amountDueMinor)} on ${profile.dueDate})`],
    ['time zone', profile.timeZone],
    ['next contact', state.nextContact ? `${when(state.nextContact.at)} by ${state.nextContact.channel}: ${state.nextContact.reason}` : 'none planned'],
  ];
  const attempts = state.attempts;
  const last = attempts[attempts.length - 1];
  lines.push(['attempts', last ? `${attempts.length}, last ${last.channel} ${last.stepId} ${last.outcome} at ${when(last.at)}` : 'none yet']);
  if (state.promise) lines.push(['promise', `${money(state.promise.amountMinor)} by ${state.promise.dueDate}`]);
  if (state.plan) {
    const instalments = state.plan.instalments.map((i) => `${money(i.amountMinor)} by ${i.dueDate} (${i.status})`);
    lines.push(['plan', instalments.join('; ')]);
  }
  if (state.humanTask) lines.push(['with a person', `${state.humanTask.reason} since ${when(state.humanTask.openedAt)} (task ${state.humanTask.taskId})`]);
  if (state.outcome) lines.push(['outcome', state.outcome]);
  const width = Math.max(...lines.map(([label]) => label.length));
  return lines.map(([label, value]) => `${label.padEnd(width)}  ${value}\n`).join('');
}
