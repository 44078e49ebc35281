import { describe, expect, it } from 'vitest';
import { redactAcrossTurns, redactSensitive, redactStrings } from '../../src/policy/redaction';

describe('redactSensitive', () => {
  it.each([
    // Payment cards: 13-19 digits, Luhn-valid, plain or grouped.
    { what: 'a Visa test card in groups of 4', text: 'my card is 4111 1111 1111 1111 thanks', redacted: 'my card is [CARD] thanks' },
    { what: 'a card written with dashes, and its expiry', text: 'card 5500-0000-0000-0004 exp 12/27', redacted: 'card [CARD] exp [EXPIRY]' },
    { what: 'a card written with dots', text: 'it is 4111.1111.1111.1111', redacted: 'it is [CARD]' },
    { what: 'a card written with slashes', text: 'card 4111/1111/1111/1111', redacted: 'card [CARD]' },
    { what: 'a card with mixed separators and spaces around them', text: '4111 - 1111 / 1111.1111', redacted: '[CARD]' },
    { what: 'a card after a stray digit', text: 'um 2 4111 1111 1111 1111', redacted: 'um 2 [CARD]' },
    { what: 'a card without separators', text: '378282246310005', redacted: '[CARD]' },
    { what: 'a UnionPay card after 卡号', text: '卡号6222021234567890128', redacted: '卡号[CARD]' },
    { what: 'a card followed by its security code', text: 'card 4111 1111 1111 1111 123', redacted: 'card [CARD] [CVV]' },
    { what: 'a card, its CVV and expiry, labelled', text: 'card 4111 1111 1111 1111 cvv 123 expires 12/2027', redacted: 'card [CARD] cvv [CVV] expires [EXPIRY]' },
    { what: 'a security code on its own', text: 'the security code is 7 3 1', redacted: 'the security code is [CVV]' },
    { what: 'a card followed by its expiry', text: '4111111111111111, 09/28', redacted: '[CARD], [EXPIRY]' },
    { what: 'a Chinese CVV and expiry', text: '安全码 123，有效期 0928', redacted: '安全码 [CVV]，有效期 [EXPIRY]' },
    { what: 'a UnionPay card in groups', text: '银行卡 6222 0212 3456 7890 128', redacted: '银行卡 [CARD]' },
    { what: 'a 19-digit UnionPay card', text: '6212260200012345670', redacted: '[CARD]' },
    { what: 'a 16-digit run that fails Luhn', text: 'card 4111-1111-1111-1112', redacted: 'card 4111-1111-1111-1112' },
    { what: 'a 13-digit order number that fails Luhn', text: 'order 1234567890123 shipped', redacted: 'order 1234567890123 shipped' },
    // US social security numbers.
    { what: 'an SSN in its usual form', text: 'SSN 123-45-6789', redacted: 'SSN [SSN]' },
    { what: 'an SSN in its usual form without a label', text: 'it is 078-05-1120 I think', redacted: 'it is [SSN] I think' },
    { what: 'nine digits called a social security number', text: 'my social security number is 123 45 6789', redacted: 'my social security number is [SSN]' },
    { what: 'nine digits after "ssn:"', text: 'ssn: 123456789', redacted: 'ssn: [SSN]' },
    { what: 'an SSN in groups of 3-2-4 with spaces', text: 'it is 123 45 6789', redacted: 'it is [SSN]' },
    { what: 'an SSN with dots', text: 'SSN 123.45.6789', redacted: 'SSN [SSN]' },
    { what: 'nine digits after "social is"', text: 'social is 123 45 6789', redacted: 'social is [SSN]' },
    { what: 'nine digits in another grouping after "SSN"', text: 'my SSN is 1234 56789', redacted: 'my SSN is [SSN]' },
    { what: 'nine digits before "is my social"', text: '123456789 is my social', redacted: '[SSN] is my social' },
    { what: 'nine digits after "socialist"', text: 'socialist 123456789', redacted: 'socialist 123456789' },
    // A judgment call: nine digits with no SSN words are kept, as account and reference numbers are.
    { what: 'nine digits with no label', text: 'reference 123456789', redacted: 'reference 123456789' },
    // Chinese resident identity numbers (GB 11643-1999 check character).
    { what: 'a resident ID ending in X', text: '身份证号 11010519491231002X', redacted: '身份证号 [NATIONAL-ID]' },
    { what: 'a resident ID with a wrong check digit', text: '身份证号 110105194912310021', redacted: '身份证号 110105194912310021' },
    { what: 'a resident ID in groups of 6-8-4', text: '110105 19491231 002X', redacted: '[NATIONAL-ID]' },
    { what: 'a resident ID with a lower-case x', text: 'ID 11010519491231002x.', redacted: 'ID [NATIONAL-ID].' },
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
    { what: 'an amount with thousands', text: 'I owe $1,234.56', redacted: 'I owe $1,234.56' },
    { what: 'a date with slashes', text: 'I will pay on 12/25/2026', redacted: 'I will pay on 12/25/2026' },
    { what: 'a 16-digit run with dots that fails Luhn', text: '4111.1111.1111.1112', redacted: '4111.1111.1111.1112' },
    { what: 'an international phone number', text: '+86 138 0013 8000', redacted: '+86 138 0013 8000' },
    { what: 'three digits with no card or code nearby', text: 'I can pay 150 on the card', redacted: 'I can pay 150 on the card' },
    { what: 'a date and an amount', text: 'due 2026-12-25 amount 12345.67', redacted: 'due 2026-12-25 amount 12345.67' },
    { what: 'the last four digits of an account', text: 'account ending in 4321', redacted: 'account ending in 4321' },
  ])('when a message holds $what, then it reads: $redacted', ({ text, redacted }) => {
    expect(redactSensitive(text)).toBe(redacted);
  });

  it.each([
    { what: 'a card read out digit by digit', text: 'my card is four one one one one one one one one one one one one one one one', redacted: 'my card is [CARD]' },
    { what: 'a card read with oh and double', text: 'five five double oh, oh oh oh oh, oh oh oh oh, oh oh oh four', redacted: '[CARD]' },
    { what: 'a card read with commas between the digits', text: 'four, one, one, one, one, one, one, one, one, one, one, one, one, one, one, one.', redacted: '[CARD].' },
    { what: 'an SSN read out after "social"', text: 'my social is one two three four five six seven eight nine', redacted: 'my social is [SSN]' },
    { what: 'a CVV read out', text: 'the CVV is four five six', redacted: 'the CVV is [CVV]' },
    { what: 'a card in Chinese numerals', text: '卡号是四一一一 一一一一 一一一一 一一一一', redacted: '卡号是[CARD]' },
    { what: 'a UnionPay card in Chinese numerals with 幺 and 两', text: '六两两两零两幺两三四五六七八九零幺两八', redacted: '[CARD]' },
    { what: 'a resident ID in Chinese numerals ending in 叉', text: '身份证号幺幺零幺零五幺九四九幺二三幺零零二叉', redacted: '身份证号[NATIONAL-ID]' },
    { what: 'a card in full-width digits', text: '４１１１１１１１１１１１１１１１', redacted: '[CARD]' },
    // Words that are not a long number stay as said.
    { what: 'a year read out', text: 'I was born in one nine eight five', redacted: 'I was born in one nine eight five' },
    { what: 'a short count', text: 'oh, two or three payments', redacted: 'oh, two or three payments' },
    { what: 'a phone number read out', text: 'call me on two one two five five five oh one oh oh', redacted: 'call me on two one two five five five oh one oh oh' },
    { what: 'an amount in Chinese', text: '我下个月可以还一千二百元', redacted: '我下个月可以还一千二百元' },
  ])('when speech holds $what, then it reads: $redacted', ({ text, redacted }) => {
    expect(redactSensitive(text)).toBe(redacted);
  });

  it('when one message holds several identifiers, then each is replaced', () => {
    expect(redactSensitive('Card 4111111111111111, SSN 123-45-6789, 身份证 11010519491231002X.')).toBe('Card [CARD], SSN [SSN], 身份证 [NATIONAL-ID].');
  });
});

describe('redactAcrossTurns', () => {
  it.each([
    { what: 'a card split over two turns', previous: 'my card is 4111 1111.', current: '1111 1111', redacted: { previous: 'my card is [CARD].', current: '[CARD]' } },
    { what: 'a card read out over two turns', previous: 'it is four one one one one one one one', current: 'one one one one one one one one, thanks', redacted: { previous: 'it is [CARD]', current: '[CARD], thanks' } },
    { what: 'an SSN whose label was in the previous turn', previous: 'my social security number is', current: '123 45 6789.', redacted: { previous: 'my social security number is', current: '[SSN].' } },
    { what: 'two amounts', previous: 'I can pay 50', current: '100 next week', redacted: { previous: 'I can pay 50', current: '100 next week' } },
    { what: 'a security code after a card redacted in the previous turn', previous: 'card [CARD]', current: '1234', redacted: { previous: 'card [CARD]', current: '[CVV]' } },
  ])('when the turns hold $what, then they read: $redacted', ({ previous, current, redacted }) => {
    expect(redactAcrossTurns(previous, current)).toEqual(redacted);
  });
});

describe('redactStrings', () => {
  it('when a record holds identifiers at any depth, then every string is redacted and the other values are kept', () => {
    const at = new Date('2026-12-01T00:00:00Z');
    expect(redactStrings({ note: 'SSN 123-45-6789', amountMinor: 12_345, at, lines: [{ text: 'card 4111 1111 1111 1111' }, 'ok'] })).toEqual({
      note: 'SSN [SSN]',
      amountMinor: 12_345,
      at,
      lines: [{ text: 'card [CARD]' }, 'ok'],
    });
  });
});
