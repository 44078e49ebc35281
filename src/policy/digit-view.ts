// Speech recognisers write a number read out digit by digit as words: "four one one one",
// "double four", "oh" for zero, "四一一一", "幺" for one on the phone, "两" for two. Redaction reads
// a view of the text in which each such word is its digit, and maps what it finds back to the
// words, so that what is not redacted keeps the words it was said with.

/** The text with spoken digits written as digits, and for each of its characters the range of the text it stands for. */
export interface DigitView {
  text: string;
  from: number[];
  to: number[];
}

const englishDigits: Readonly<Record<string, string>> = {
  zero: '0', oh: '0', one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9',
};
const chineseDigits: Readonly<Record<string, string>> = {
  零: '0', 〇: '0', 幺: '1', 一: '1', 二: '2', 两: '2', 三: '3', 四: '4', 五: '5', 六: '6', 七: '7', 八: '8', 九: '9',
};
const repeats: Readonly<Record<string, number>> = { double: 2, triple: 3 };

// 叉 ("cross") is how the X that ends a resident ID number is read out in Chinese.
const spokenDigit = new RegExp(
  [
    `\\b(?:(double|triple)[\\s-]+)?(${Object.keys(englishDigits).join('|')})\\b`,
    `([${Object.keys(chineseDigits).join('')}])`,
    `(?<=[${Object.keys(chineseDigits).join('')}\\d]\\s*)(叉)`,
    '([\\uff10-\\uff19\\uff38\\uff58])',
  ].join('|'),
  'giu',
);

/** The text with every digit said as a word written as the digit. */
export function digitView(text: string): DigitView {
  const view: DigitView = { text: '', from: [], to: [] };
  const spoken: boolean[] = [];
  const push = (chars: string, from: number, to: number, isSpoken: boolean) => {
    for (const char of chars) {
      view.text += char;
      view.from.push(from);
      view.to.push(to);
      spoken.push(isSpoken);
    }
  };
  let at = 0;
  for (const match of text.matchAll(spokenDigit)) {
    for (let index = at; index < match.index; index++) push(text[index]!, index, index + 1, false);
    const [word, repeat, english, chinese, cross, fullWidth] = match;
    const end = match.index + word.length;
    if (english) push(englishDigits[english.toLowerCase()]!.repeat(repeat ? repeats[repeat.toLowerCase()]! : 1), match.index, end, true);
    else if (chinese) push(chineseDigits[chinese]!, match.index, end, true);
    else if (cross) push('X', match.index, end, true);
    else if (fullWidth) push(fullWidth.normalize('NFKC'), match.index, end, false);
    at = end;
  }
  for (let index = at; index < text.length; index++) push(text[index]!, index, index + 1, false);
  view.text = spacedBetweenSpokenDigits(view.text, spoken);
  return view;
}

/**
 * "four, one, one, one": a recogniser's commas between spoken digits read as spaces, so the digits
 * form one number. Commas between written digits stay: "1,234" is an amount.
 */
function spacedBetweenSpokenDigits(text: string, spoken: boolean[]): string {
  return text.replace(/(?<=(\d)\s*)[,，、](?=\s*(\d))/g, (comma, _before: string, _after: string, offset: number) => {
    const before = text.slice(0, offset).search(/\d\s*$/);
    const after = offset + 1 + text.slice(offset + 1).search(/\d/);
    return spoken[before] && spoken[after] ? ' ' : comma;
  });
}
