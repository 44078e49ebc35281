import { describe, expect, it } from 'vitest';
import { redactSensitive } from '../../src/policy/redaction';

describe('redactSensitive', () => {
  it.each([
    // Payment cards: 13-19 digits, Luhn-valid, plain or grouped.
    { what: 'a Visa test card in groups of 4', text: 'my card is 4111 1111 1111 1111 thanks', redacted: 'my card is [CARD] thanks' },
    { what: 'a card written with dashes', text: 'card 5500-0000-0000-0004 exp 12/27', redacted: 'card [CARD] exp 12/27' },
    { what: 'a card without separators', text: '378282246310005', redacted: '[CARD]' },
    { what: 'a UnionPay card after 卡号', text: '卡号6222021234567890128', redacted: '卡号[CARD]' },
    { what: 'a card followed by its security code', text: 'card 4111 1111 1111 1111 123', redacted: 'card [CARD] 123' },
    { what: 'a 16-digit run that fails Luhn', text: 'card 4111-1111-1111-1112', redacted: 'card 4111-1111-1111-1112' },
    { what: 'a 13-digit order number that fails Luhn', text: 'order 1234567890123 shipped', redacted: 'order 1234567890123 shipped' },
    // US social security numbers.
    { what: 'an SSN in its usual form', text: 'SSN 123-45-6789', redacted: 'SSN [SSN]' },
    { what: 'an SSN in its usual form without a label', text: 'it is 078-05-1120 I think', redacted: 'it is [SSN] I think' },
    { what: 'nine digits called a social security number', text: 'my social security number is 123 45 6789', redacted: 'my social security number is [SSN]' },
    { what: 'nine digits after "ssn:"', text: 'ssn: 123456789', redacted: 'ssn: [SSN]' },
    { what: 'nine digits with no label', text: 'reference 123456789', redacted: 'reference 123456789' },
    // Chinese resident identity numbers (GB 11643-1999 check character).
    { what: 'a resident ID ending in X', text: '身份证号 11010519491231002X', redacted: '身份证号 [NATIONAL-ID]' },
    { what: 'a resident ID with a wrong check digit', text: '身份证号 110105194912310021', redacted: '身份证号 110105194912310021' },
    // IBANs and bank accounts.
    { what: 'a German IBAN in groups', text: 'IBAN DE89 3704 0044 0532 0130 00 please', redacted: 'IBAN [BANK-ACCOUNT] please' },
    { what: 'a British IBAN without spaces', text: 'pay to GB82WEST12345698765432', redacted: 'pay to [BANK-ACCOUNT]' },
    { what: 'an IBAN with a wrong check', text: 'GB82WEST12345698765433', redacted: 'GB82WEST12345698765433' },
    { what: 'an account number after "account number"', text: 'my account number is 12345678', redacted: 'my account number is [BANK-ACCOUNT]' },
    { what: 'routing and account numbers', text: 'routing 021000021 account 000123456789', redacted: 'routing [BANK-ACCOUNT] account [BANK-ACCOUNT]' },
    { what: 'a bank account after 账号', text: '我的账号是 6222 0212 3456 7890', redacted: '我的账号是 [BANK-ACCOUNT]' },
    // Ordinary numbers stay readable.
    { what: 'an amount near the word account', text: 'account balance is $1234567.00', redacted: 'account balance is $1234567.00' },
    { what: 'a phone number', text: 'call me at 212-555-0100', redacted: 'call me at 212-555-0100' },
    { what: 'a date and an amount', text: 'due 2026-12-25 amount 12345.67', redacted: 'due 2026-12-25 amount 12345.67' },
    { what: 'the last four digits of an account', text: 'account ending in 4321', redacted: 'account ending in 4321' },
  ])('when a message holds $what, then it reads: $redacted', ({ text, redacted }) => {
    expect(redactSensitive(text)).toBe(redacted);
  });

  it('when one message holds several identifiers, then each is replaced', () => {
    expect(redactSensitive('Card 4111111111111111, SSN 123-45-6789, 身份证 11010519491231002X.')).toBe('Card [CARD], SSN [SSN], 身份证 [NATIONAL-ID].');
  });
});
