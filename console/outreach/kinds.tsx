// What the Campaigns and Surveys pages differ in: their API paths, the word for their people, and
// where each person's own page is. Everything else about the two kinds is shared.

import type { ComponentChildren } from 'preact';
import { money, when } from '../ui';

export type OutreachKindName = 'campaign' | 'survey';

/** One page of a document's people as the kind's list route answers it. */
export interface PeoplePage {
  /** The column headings, then each person's reference and cells in that order. */
  columns: string[];
  rows: Array<{ ref: string; cells: ComponentChildren[] }>;
  next?: string;
}

export interface OutreachKind {
  name: OutreachKindName;
  /** 'Campaign', 'Survey'. */
  title: string;
  /** The API's and the console's path of the list: /campaigns, /surveys. */
  list: string;
  /** Who the document reaches: 'debtors', 'respondents'. */
  people: string;
  /** Where an import of people is sent. */
  importPath(id: string): string;
  /** The console page of one person. */
  personPage(id: string, ref: string): string;
  /** The API path of the list of people (paged with limit and after), and how to read its answer. */
  peoplePath(id: string): string;
  peoplePage(body: unknown): PeoplePage;
}

interface DebtorSummary {
  accountRef: string;
  fullName: string;
  status: string;
  balanceMinor: number;
  currency: string;
  nextContactAt?: string;
}

interface RespondentSummary {
  respondentId: string;
  status: string;
  language: string;
  invitedAt: string | null;
  completedAt: string | null;
}

export const campaignKind: OutreachKind = {
  name: 'campaign',
  title: 'Campaign',
  list: '/campaigns',
  people: 'debtors',
  importPath: (id) => `/campaigns/${encodeURIComponent(id)}/debtors/import`,
  personPage: (id, ref) => `/console/campaigns/${encodeURIComponent(id)}/debtors/${encodeURIComponent(ref)}`,
  peoplePath: (id) => `/campaigns/${encodeURIComponent(id)}/debtors`,
  peoplePage: (body) => {
    const { debtors, next } = body as { debtors: DebtorSummary[]; next?: string };
    return {
      columns: ['Account', 'Name', 'Status', 'Balance', 'Next contact'],
      rows: debtors.map((d) => ({ ref: d.accountRef, cells: [d.fullName, d.status, money(d.balanceMinor, d.currency), when(d.nextContactAt)] })),
      next,
    };
  },
};

export const surveyKind: OutreachKind = {
  name: 'survey',
  title: 'Survey',
  list: '/surveys',
  people: 'respondents',
  importPath: (id) => `/surveys/${encodeURIComponent(id)}/respondents`,
  personPage: (id, ref) => `/console/surveys/${encodeURIComponent(id)}/respondents/${encodeURIComponent(ref)}`,
  peoplePath: (id) => `/surveys/${encodeURIComponent(id)}/responses`,
  peoplePage: (body) => {
    const { responses, next } = body as { responses: RespondentSummary[]; next?: string };
    return {
      columns: ['Respondent', 'Status', 'Language', 'Invited', 'Completed'],
      rows: responses.map((r) => ({ ref: r.respondentId, cells: [r.status, r.language, when(r.invitedAt ?? undefined), when(r.completedAt ?? undefined)] })),
      next,
    };
  },
};

/** The API path of one document of the kind, with `rest` after it. */
export function documentPath(kind: OutreachKind, id: string, rest = ''): string {
  return `${kind.list}/${encodeURIComponent(id)}${rest}`;
}
