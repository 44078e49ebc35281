// Redaction of identifiers people read out or type to a collector, before text reaches an LLM
// prompt, storage or a log line: payment card numbers (PCI DSS forbids storing them in the clear),
// US social security numbers, Chinese resident identity numbers, IBANs and bank account numbers.
// Checksums keep ordinary numbers (amounts, dates, reference numbers) readable; where a number has
// no checksum (SSNs, bank accounts) it is redacted when its form or the words before it say what it
// is. When in doubt the text is redacted: a lost digit string costs less than a leaked one.

const placeholders = {
  card: '[CARD]',
  ssn: '[SSN]',
  nationalId: '[NATIONAL-ID]',
  bankAccount: '[BANK-ACCOUNT]',
} as const;

type Redactor = (text: string) => string;

/** Luhn (ISO/IEC 7812) check digit test, as card numbers carry. */
function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** ISO 13616 IBAN check: country and check digits moved to the end, letters as 10-35, mod 97 is 1. */
function passesIbanCheck(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = parseInt(char, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/** GB 11643-1999: weighted sum of the first 17 digits, mod 11, selects the check character. */
function passesChineseIdCheck(id: string): boolean {
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  return '10X98765432'[sum % 11] === id[17].toUpperCase();
}

const redactIbans: Redactor = (text) =>
  text.replace(/\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b/g, (match) =>
    passesIbanCheck(match.replace(/ /g, '')) ? placeholders.bankAccount : match,
  );

// Only 18-character numbers: the 15-digit form has had no check digit since 1999 and is no longer issued.
const redactChineseIds: Redactor = (text) =>
  text.replace(/(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g, (match) =>
    passesChineseIdCheck(match) ? placeholders.nationalId : match,
  );

const redactFormattedSsns: Redactor = (text) => text.replace(/(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g, placeholders.ssn);

/** Nine digits, spaced or not, shortly after words that name a social security number. */
const redactSsnsNamedAsSuch: Redactor = (text) =>
  text.replace(
    /(\b(?:ssn|ss#|social security(?: number| no\.?| #)?)|社会安全号码?|社安号)([^\d\n]{0,20}?)\d{3}[ -]?\d{2}[ -]?\d{4}(?!\d)/giu,
    (_match, label: string, gap: string) => `${label}${gap}${placeholders.ssn}`,
  );

/**
 * Card numbers are 13-19 digits, often in groups split by spaces or dashes. A run of digit groups
 * may hold a card next to other numbers, so the longest Luhn-valid stretch of whole groups is
 * redacted, starting from each group in turn.
 */
const redactCardNumbers: Redactor = (text) =>
  text.replace(/(?<!\d)\d+(?:[ -]\d+)*(?!\d)/g, (run) => {
    const parts = run.split(/([ -])/); // groups at even indexes, separators at odd ones
    const output: string[] = [];
    let start = 0;
    while (start < parts.length) {
      let end = parts.length - 1;
      for (; end >= start; end -= 2) {
        const digits = parts.slice(start, end + 1).filter((_, index) => index % 2 === 0).join('');
        if (digits.length >= 13 && digits.length <= 19 && passesLuhn(digits)) break;
      }
      if (end >= start) {
        output.push(placeholders.card, parts[end + 1] ?? '');
        start = end + 2;
      } else {
        output.push(parts[start], parts[start + 1] ?? '');
        start += 2;
      }
    }
    return output.join('');
  });

/**
 * Six to twenty digits shortly after words that name a bank account. A gap holding a currency
 * sign, or digits followed by decimals, is an amount, not an account.
 */
const redactBankAccountsNamedAsSuch: Redactor = (text) =>
  text.replace(
    /(\b(?:account|acct|a\/c|routing)\b|账号|帐号|账户|帐户|卡号|银行卡)([^\d\n$¥€£]{0,20}?)\d(?:[ -]?\d){5,19}(?!\d)(?![.,]\d)/giu,
    (_match, label: string, gap: string) => `${label}${gap}${placeholders.bankAccount}`,
  );

// Order matters: numbers with a checksum first, so that a resident ID is not taken for a card
// (18 digits can pass Luhn by chance) and a card is not taken for a bank account.
const redactors: Redactor[] = [
  redactIbans,
  redactChineseIds,
  redactFormattedSsns,
  redactCardNumbers,
  redactSsnsNamedAsSuch,
  redactBankAccountsNamedAsSuch,
];

/** `text` with card numbers, SSNs, Chinese resident IDs, IBANs and bank account numbers replaced by [CARD], [SSN], [NATIONAL-ID], [BANK-ACCOUNT]. */
export function redactSensitive(text: string): string {
  return redactors.reduce((redacted, redact) => redact(redacted), text);
}
