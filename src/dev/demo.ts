import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { DateTime } from 'luxon';
import { applyCampaign } from '../use-cases/campaigns';
import { importDebtors } from '../use-cases/import-debtors';
import type { UseCaseDeps } from '../use-cases/use-case-deps';
import type { SimulatorEvent, TwilioSimulator } from '../simulator';
import type { CallResult } from '../../workflows/call/call.messages';
import { repoRoot } from './child-process';
import { describeCallTranscript, describeText, followPeople, personLines, pollWhileRunning, type PersonLine, type RunningDemo } from './demo-lines';

// The demo `npm start` runs on the embedded servers: a campaign whose cadence takes minutes, a
// dozen simulated people with different behaviours, and each one's journey printed as it happens.

const campaignFile = path.join(repoRoot, 'examples', 'campaigns', 'demo-minutes.yaml');
const campaignId = 'demo-minutes';

interface DemoDebtor {
  persona: string;
  fullName: string;
  phone: string;
  language?: string;
  amountDue: string;
  artificialVoiceConsent: boolean;
  flags?: string;
}

// 555-01xx numbers are reserved for fiction.
const demoDebtors: DemoDebtor[] = [
  { persona: 'cooperative-payer', fullName: 'Jordan Lee', phone: '+12025550101', amountDue: '125.00', artificialVoiceConsent: true },
  { persona: 'promiser', fullName: 'Sam Rivera', phone: '+12025550102', amountDue: '310.50', artificialVoiceConsent: true },
  { persona: 'instalment-seeker', fullName: 'Alex Morgan', phone: '+12025550103', amountDue: '980.00', artificialVoiceConsent: true },
  { persona: 'angry-debtor', fullName: 'Chris Baker', phone: '+12025550104', amountDue: '450.00', artificialVoiceConsent: true },
  { persona: 'disputer', fullName: 'Taylor Brooks', phone: '+12025550105', amountDue: '220.00', artificialVoiceConsent: true },
  { persona: 'wrong-number', fullName: 'Jamie Fox', phone: '+12025550106', amountDue: '75.00', artificialVoiceConsent: true },
  { persona: 'voicemail', fullName: 'Morgan Hale', phone: '+12025550107', amountDue: '160.00', artificialVoiceConsent: true },
  { persona: 'never-answers', fullName: 'Riley Chen', phone: '+12025550108', amountDue: '540.00', artificialVoiceConsent: true },
  { persona: 'sms-stopper', fullName: 'Casey Nguyen', phone: '+12025550109', amountDue: '95.00', artificialVoiceConsent: false },
  { persona: 'mandarin-debtor', fullName: 'Wang Fang', phone: '+12025550110', language: 'zh-CN', amountDue: '600.00', artificialVoiceConsent: true },
  { persona: 'busy-line', fullName: 'Drew Patel', phone: '+12025550111', amountDue: '130.00', artificialVoiceConsent: true },
  { persona: 'cooperative-payer', fullName: 'Pat Kim', phone: '+12025550112', amountDue: '88.00', artificialVoiceConsent: true, flags: 'distressed' },
  { persona: 'pays-on-the-call', fullName: 'Robin Diaz', phone: '+12025550113', amountDue: '240.00', artificialVoiceConsent: true },
  // Two who give away what the service must never keep in the clear: a card read out, an SSN texted.
  { persona: 'card-reader', fullName: 'Quinn Avery', phone: '+12025550114', amountDue: '150.00', artificialVoiceConsent: true },
  { persona: 'ssn-texter', fullName: 'Dana Ortiz', phone: '+12025550115', amountDue: '210.00', artificialVoiceConsent: true },
];

// Zones around the world: the demo puts its people where it is daytime now, so the calling-hours
// rules let the journeys run while you watch (elsewhere they would wait for 08:00 local).
const candidateZones = ['America/New_York', 'America/Los_Angeles', 'Europe/London', 'Asia/Shanghai', 'Asia/Kolkata', 'Australia/Sydney', 'Pacific/Honolulu'];

export function daytimeZone(now: number): string {
  return candidateZones.find((zone) => {
    const hour = DateTime.fromMillis(now, { zone }).hour;
    return hour >= 9 && hour < 19;
  }) ?? 'America/New_York';
}

export async function runDemo(deps: UseCaseDeps, simulator: TwilioSimulator, print: (line: string) => void): Promise<RunningDemo> {
  const applied = await applyCampaign(deps, readFileSync(campaignFile, 'utf8'), 'yaml', 'parley dev demo');
  const zone = daytimeZone(Date.now());
  const people = new Map(demoDebtors.map((d) => [d.phone, { name: d.fullName, persona: d.persona }]));
  for (const debtor of demoDebtors) simulator.people.assign(debtor.phone, debtor.persona);
  const line = personLines(people, print);
  const unsubscribe = followPeople(simulator, people, (event) => describeEvent(event, line));

  const header = 'accountRef,fullName,phone,timeZone,language,amountDue,dueDate,artificialVoiceConsent,flags';
  const rows = demoDebtors.map((d, i) =>
    [`demo-${String(i + 1).padStart(3, '0')}`, d.fullName, d.phone, zone, d.language ?? 'en', d.amountDue, '2026-11-01', d.artificialVoiceConsent, d.flags ?? ''].join(','),
  );
  const report = await importDebtors(deps, campaignId, { stream: Readable.from([`${header}\n${rows.join('\n')}\n`]), format: 'csv' });
  print(
    `Demo: campaign ${campaignId} v${applied.version} ${applied.created ? 'applied' : 'already applied'}; ${report.started} debtors started, ` +
      `${report.alreadyImported} already running (from an earlier start), people in ${zone}. Journeys follow; Ctrl-C stops.`,
  );
  print(`Demo: experiment greeting-wording greets half the debtors the standard way and half warmly; compare the arms with \`bin/parley experiment show ${campaignId}\`.`);

  // Status changes come from the debtors' workflows, read through the status mirror; each call's
  // structured outcome from the call records.
  const lastStatus = new Map<string, string>();
  const reportedCalls = new Set<string>();
  const startedAt = new Date();
  const printCallOutcomes = async () => {
    for (const call of await deps.mongo.repositories.calls.endedSince(campaignId, startedAt)) {
      const outcome = call.outcome as CallResult | undefined;
      if (!outcome || reportedCalls.has(call.callWorkflowId)) continue;
      reportedCalls.add(call.callWorkflowId);
      const phone = outcome.callSid ? simulator.store.call(outcome.callSid)?.to : undefined;
      if (phone) line(phone, `OUTCOME ${describeCallOutcome(outcome)}`);
    }
  };
  const printStatuses = async () => {
    for (const d of await deps.mongo.repositories.debtors.statuses(campaignId)) {
      if (lastStatus.get(d.phone) === d.status) continue;
      lastStatus.set(d.phone, d.status);
      line(d.phone, `STATUS  ${d.status}, balance ${(d.balanceMinor / 100).toFixed(2)}`);
    }
  };
  return pollWhileRunning(() => Promise.allSettled([printCallOutcomes(), printStatuses()]), unsubscribe);
}

function describeEvent(event: SimulatorEvent, line: PersonLine): void {
  switch (event.type) {
    case 'message':
      return describeText(event.message, line);
    case 'call-status':
      if (['ringing', 'in-progress', 'busy', 'no-answer', 'failed', 'completed'].includes(event.status)) line(event.phone, `CALL   ${event.status}`);
      return;
    case 'call-transcript':
      return describeCallTranscript(event.phone, event.entry, line);
    case 'link-visited':
      line(event.phone, `PAID   through the texted link (HTTP ${event.statusCode ?? event.error})`);
      return;
    default:
      return;
  }
}

const dollars = (minor: number) => `$${(minor / 100).toFixed(2)}`;

/** One line for a call's structured outcome, as a collections lead would read it. */
export function describeCallOutcome(o: CallResult): string {
  if (o.answeredBy === 'nobody') return `${o.status}, nobody answered`;
  if (o.answeredBy === 'machine') return o.voicemailLeft ? 'answering machine: limited-content voicemail left' : 'answering machine: hung up';
  const parts = [o.rightPartyVerified ? 'right party verified' : o.wrongPerson ? 'wrong person' : 'not verified'];
  if (o.paidDuringCall) parts.push(`PAID ${dollars(o.paidDuringCall.amountMinor)} during the call`);
  else if (o.payNow) parts.push(`pay now ${dollars(o.payNow.amountMinor)} (link texted)`);
  if (o.promise) parts.push(`promise ${dollars(o.promise.amountMinor)} by ${o.promise.dueDate}`);
  if (o.plan) parts.push(`plan of ${o.plan.instalments.length} instalments from ${o.plan.instalments[0]!.dueDate}`);
  if (o.callbackDate) parts.push(`call back on ${o.callbackDate}`);
  if (o.dispute) parts.push('dispute');
  if (o.optOut) parts.push('opted out of calls');
  if (o.escalated) {
    const where = o.escalated.to === 'none' ? 'no agent configured' : `${o.escalated.to} ${o.escalated.target ?? ''}`.trim();
    parts.push(`escalated (${o.escalated.reason}) to ${where}, ${o.escalated.agentAnswered ? 'agent answered' : 'no agent: call back offered'}`);
  }
  parts.push(`intents ${o.intents.join(' ')}; ${o.turns} turns, ${o.durationSeconds}s`);
  return parts.join('; ');
}
