// What an erasure request keeps, and why: the answer a person (or a regulator) gets. Regulation F
// keeps a debt collector's records that evidence compliance "until three years after the debt
// collector's last collection activity on the debt" (12 CFR 1006.100(a)); opt-outs must keep
// working on every campaign (47 CFR 64.1200(a)(10), 12 CFR 1006.6(e)).

export interface KeptRecord {
  what: string;
  why: string;
  /** When it goes, as a date or a rule; absent: kept for as long as it is needed. */
  until?: string;
}

/** What stands in for an erased name or number, where a field cannot be empty. */
export const erasedMark = '[erased]';

const complianceYears = 3;

/** The last day a debt's compliance records are held, from the account's last collection activity. */
export function complianceRecordsUntil(lastActivity: Date): Date {
  const until = new Date(lastActivity);
  until.setUTCFullYear(until.getUTCFullYear() + complianceYears);
  return until;
}

/** The text with each of the names (whole words, any case) replaced by `[name]`. */
export function maskNames(text: string, names: readonly string[]): string {
  const words = [...new Set(names.flatMap((name) => name.split(/\s+/)).filter((word) => word.length >= 2))];
  if (words.length === 0) return text;
  // Longest first, so "Diaz-Lopez" goes whole before "Diaz" could take part of it.
  const pattern = words.sort((a, b) => b.length - a.length).map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return text.replace(new RegExp(`(?<![\\p{L}\\p{N}])(?:${pattern})(?![\\p{L}\\p{N}])`, 'giu'), '[name]');
}

const auditLog: KeptRecord = {
  what: 'the audit log of the account (audit_events)',
  why: 'append-only and hash-chained per account, so an edit would break the chain auditors verify; entries name the account by reference, not the person, and go oldest first',
  until: 'RETENTION_AUDIT_EVENTS_DAYS after each entry',
};

const histories: KeptRecord = {
  what: 'the Temporal workflow histories of the account and its calls',
  why: 'a history is immutable and is not edited; its payloads are encrypted with the payload key, so the Temporal server holds no name or number in clear',
  until: "the Temporal namespace's retention after the workflow closed",
};

const consentLedger: KeptRecord = {
  what: "opt-outs and consent for the person's phone number (consent_events)",
  why: 'an opt-out or a withdrawn consent must keep blocking the number on every campaign (47 CFR 64.1200(a)(10), 12 CFR 1006.6(e)); without the number the next import of it would be contacted. The ledger holds the number and the kind of each event, nothing else about the person',
  until: 'kept while it blocks contact',
};

/** A debtor's erasure: what Regulation F and the account keep. `collectorWords`: the words are still within the three years. */
export function debtorKept(until: Date, collectorWords: boolean): KeptRecord[] {
  const regulationF = until.toISOString().slice(0, 10);
  return [
    {
      what: 'the fact of each contact: when, channel, purpose, outcome, the provider’s message or call id',
      why: 'records evidencing compliance with Regulation F (call frequency, 12 CFR 1006.14(b); contact times, 1006.6(b)) are kept three years after the last collection activity on the debt (12 CFR 1006.100)',
      until: `${regulationF}, then RETENTION_CONTACT_ATTEMPTS_DAYS / RETENTION_CALLS_DAYS`,
    },
    ...(collectorWords
      ? [
          {
            what: 'what the service said on each call, with the person’s name replaced by [name]; intents and decisions of each turn',
            why: 'the collector’s own words evidence the required disclosures (12 CFR 1006.18(e)) and are a compliance record under 12 CFR 1006.100',
            until: `${regulationF}, then RETENTION_CALL_TURNS_DAYS`,
          },
        ]
      : []),
    {
      what: 'the debt itself: account reference, amounts, currency, due date, status, the person’s time zone and language',
      why: 'the creditor’s record of the debt; the reference is how this erasure and the audit log name it, and the time zone evidences contact times (12 CFR 1006.6(b)(1)(i))',
    },
    {
      what: 'payments: amounts, dates and the provider’s ids',
      why: 'money received on the debt is a financial record and reduces what is owed; it names no person',
    },
    {
      what: 'tasks handed to a person: reason, dates and resolution',
      why: 'how a dispute or a cease request was handled is a compliance record (12 CFR 1006.100); their summaries and call transcripts were erased',
      until: `${regulationF}, then RETENTION_HUMAN_TASKS_DAYS`,
    },
    consentLedger,
    auditLog,
    histories,
  ];
}

/** A survey respondent's erasure: no debt law applies, so only what stops contact and what counts in the results stays. */
export function respondentKept(): KeptRecord[] {
  return [
    {
      what: 'the fact of each contact: when, channel, purpose, outcome',
      why: 'evidence that each call and text had consent and respected calling hours, should a contact be challenged (TCPA)',
      until: 'RETENTION_CONTACT_ATTEMPTS_DAYS',
    },
    {
      what: 'answers other than free text (scores, choices, numbers, dates), without the words they were said in',
      why: 'they count in the survey’s results; with the number, name and hidden fields erased they describe nobody',
      until: 'RETENTION_SURVEY_ANSWERS_DAYS',
    },
    consentLedger,
    auditLog,
    histories,
  ];
}
