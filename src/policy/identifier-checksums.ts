// The check digits identifiers carry, so that redaction can tell a card or an ID number from an
// ordinary number of the same length (an amount, a date, an order number).

/** Luhn (ISO/IEC 7812) check digit test, as payment card numbers (UnionPay bank cards included) carry. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}

/** A payment card number: 13 to 19 digits (ISO/IEC 7812) with a valid Luhn check digit. */
export function isCardNumber(digits: string): boolean {
  return /^\d{13,19}$/.test(digits) && passesLuhn(digits);
}

/** ISO 13616 IBAN check: country and check digits moved to the end, letters as 10-35, mod 97 is 1. */
export function passesIbanCheck(iban: string): boolean {
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  let remainder = 0;
  for (const char of rearranged) {
    const value = parseInt(char, 36);
    remainder = (remainder * (value > 9 ? 100 : 10) + value) % 97;
  }
  return remainder === 1;
}

/**
 * A Chinese resident identity number (GB 11643-1999): 17 digits and a check character, the
 * weighted sum of the 17 digits mod 11 selecting it from "10X98765432". Only the 18-character
 * form: the 15-digit one has had no check digit since 1999 and is no longer issued.
 */
export function isChineseResidentId(id: string): boolean {
  if (!/^\d{17}[\dX]$/i.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((total, weight, index) => total + weight * Number(id[index]), 0);
  return '10X98765432'[sum % 11] === id[17]!.toUpperCase();
}
