import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../src/campaigns/campaign-schema';
import { debtorRowReader } from '../../src/use-cases/debtor-row';
import { loadTestCampaign } from '../support/debtor-fixtures';

// The verification columns of a debtor import: the ZIP code, and the account reference when the
// campaign's second verification question is its last 4 digits.

/** The voice-test campaign with `fields` (a verification section, a jurisdiction) put in. */
const campaignWith = (fields: Record<string, unknown>): Campaign => loadTestCampaign('voice-test.yaml', (doc) => Object.assign(doc, fields));

const row = (cells: Record<string, string> = {}) => ({ accountRef: 'A-1001', fullName: 'Jordan Lee', phone: '+12025550101', amountDue: '125.00', dueDate: '2026-11-01', ...cells });

describe('reading the verification columns of a debtor row', () => {
  it.each([
    ['94107', '94107'],
    ['02134', '02134'],
    ['94107-1234', '94107'],
  ])('when a US row has the ZIP code %s, then %s is kept', (zip, kept) => {
    const read = debtorRowReader(campaignWith({}))(row({ zip }));
    expect(read).toMatchObject({ ok: true, profile: { zip: kept } });
  });

  it.each(['9410', 'ABCDE', '94107-12'])('when a US row has the ZIP code %s, then the row is refused naming the zip column', (zip) => {
    const read = debtorRowReader(campaignWith({}))(row({ zip }));
    expect(read).toEqual({ ok: false, problems: [{ field: 'zip', message: expect.stringContaining('is not a US ZIP code') }] });
  });

  it('when a Chinese campaign imports a six-digit postal code, then it is kept', () => {
    const read = debtorRowReader(campaignWith({ jurisdiction: 'CN', currency: 'CNY' }))(row({ zip: '100080', phone: '+8613800138000' }));
    expect(read).toMatchObject({ ok: true, profile: { zip: '100080' } });
  });

  it('when the campaign verifies by ZIP code and a row has none, then the row is refused naming the zip column', () => {
    const read = debtorRowReader(campaignWith({ verification: { secondFactor: 'zip' } }))(row());
    expect(read).toEqual({ ok: false, problems: [{ field: 'zip', message: expect.stringMatching(/^is required: .*ZIP code/) }] });
  });

  it('when the campaign verifies by the last 4 of the account reference and it has fewer than 4 digits, then the row is refused naming accountRef', () => {
    const reader = debtorRowReader(campaignWith({ verification: { secondFactor: 'account-last-4' } }));
    expect(reader(row({ accountRef: 'A-12' }))).toEqual({ ok: false, problems: [{ field: 'accountRef', message: expect.stringContaining('fewer than 4 digits') }] });
    expect(reader(row({ accountRef: 'A-10-4471' })).ok).toBe(true);
  });

});
