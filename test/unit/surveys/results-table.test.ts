import { describe, expect, it } from 'vitest';
import { aggregateResults } from '../../../src/surveys/results/aggregate-results';
import { renderResultsTable } from '../../../src/surveys/results/results-table';
import { demoSurvey, tenRespondents } from './results-fixtures';

const barOf = (line: string | undefined) => (line?.split('│')[1] ?? '').match(/█+/)?.[0].length ?? 0;
const lineFor = (lines: readonly string[], from: string, label: string) => {
  const start = lines.findIndex((line) => line.includes(from));
  return lines.slice(start).find((line) => line.trimStart().startsWith(`${label} `));
};

describe('renderResultsTable', () => {
  const results = aggregateResults(demoSurvey(), tenRespondents(), { by: 'language' });

  describe('when rendered 80 columns wide', () => {
    const table = renderResultsTable(results, { width: 80 });
    const lines = table.split('\n');

    it('then the headline gives invitations, response rate, completion rate and NPS', () => {
      expect(lines.slice(1, 3)).toEqual(['invited 10 · response rate 80% (8 started) · completion rate 63% (5 finished)', 'NPS +14']);
    });

    it('then the most chosen option has the longest bar and the others are to scale', () => {
      const phone = barOf(lineFor(lines, 'contact-channel', 'phone'));
      const text = barOf(lineFor(lines, 'contact-channel', 'text message'));
      const app = barOf(lineFor(lines, 'contact-channel', 'the app'));
      expect(phone).toBeGreaterThan(text);
      expect(text).toBe(app);
      expect(Math.abs(phone - 2 * text)).toBeLessThanOrEqual(1);
    });

    it('then a scale point nobody chose has an empty bar and NPS shows all eleven points', () => {
      expect(barOf(lineFor(lines, 'satisfaction', '4'))).toBe(0);
      const npsStart = lines.findIndex((line) => line.includes('recommend (nps)'));
      expect(lines.slice(npsStart + 3, npsStart + 14).map((line) => line.trim().split(' ')[0])).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '10']);
    });

    it('then each question shows how many reached it and dropped off there', () => {
      expect(table).toContain('3. what-went-wrong (free-text)\n   What went wrong? Tell us in your own words.\n   reached 3, dropped off 1 (33%), answered 2, median time 2.0 s');
      expect(table).toContain('answer r3 2026-12-01T15:02:00.000Z: waited half an hour, on hold');
    });

    it('then no line is wider than the width and the groups are listed', () => {
      expect(lines.every((line) => [...line].length <= 80)).toBe(true);
      expect(lines.some((line) => /^en\s+10\s+8\s+5\s+80%\s+63%\s+\+14$/.test(line))).toBe(true);
    });
  });
});
