import type { DebtorProfile, DebtorView } from '../../workflows/debtor/debtor.messages';
import type { RespondentView } from '../../workflows/respondent/respondent.messages';
import type { Timeline, TimelineEntry } from '../../src/audit/timeline/timeline-entry';
import type { DebtorPayment } from '../../src/use-cases/debtor-payments';

// What the person pages read, as the API answers it (dates arrive as ISO text).

export type { DebtorProfile, DebtorView, RespondentView, Timeline, TimelineEntry };

export interface DebtorDetail {
  profile: DebtorProfile;
  state: DebtorView;
}

export type PaymentRow = Omit<DebtorPayment, 'receivedAt'> & { receivedAt: string };
