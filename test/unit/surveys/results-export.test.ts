import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { toCsv, toNdjson } from '../../../src/surveys/results/export-rows';
import { answer, answered, demoSurvey, respondent, T0 } from './results-fixtures';

describe('toCsv', () => {
  const survey = demoSurvey();
  const hard = 'waited "half an hour",\non hold; 等了半个小时，很不满意';
  const people = [
    respondent('r1', [
      answer('recommend', 3, 0, { raw: 'three, "honestly"', probe: { raw: '客服态度不好, 太慢', ms: 5000, answeredAt: T0 + 30_000 } }),
      answer('satisfaction', 2, 1, { channel: 'voice', confirmed: true }),
      answer('what-went-wrong', hard, 2, { raw: hard }),
    ], { language: 'zh-CN', hidden: { order: 'A,100', agent: 'ana' } }),
    respondent('r2', answered({ recommend: 10 })),
  ];

  describe('when answers hold commas, quotes, line breaks and Chinese', () => {
    const rows = parse(toCsv(survey, people), { columns: true }) as Record<string, string>[];

    it('then a CSV parser reads every field back as written', () => {
      expect(rows.map((row) => [row.respondent, row.question, row.value])).toEqual([
        ['r1', 'recommend', '3'],
        ['r1', 'satisfaction', '2'],
        ['r1', 'what-went-wrong', hard],
        ['r2', 'recommend', '10'],
      ]);
      expect(rows[0]).toMatchObject({ raw: 'three, "honestly"', probe: '客服态度不好, 太慢', language: 'zh-CN', 'hidden.order': 'A,100', 'hidden.agent': 'ana' });
      expect(rows[2].raw).toBe(hard);
    });

    it('then each row has the answer channel, version, confidence, confirmation, time taken and an ISO UTC time', () => {
      expect(rows[1]).toMatchObject({ channel: 'voice', version: '1', confidence: '0.95', confirmed: 'true', ms: '2000', reasks: '0', answeredAt: '2026-12-01T15:01:00.000Z' });
    });
  });

  describe('when nothing needs quoting', () => {
    it('then fields are left bare and rows end in CRLF', () => {
      const csv = toCsv(survey, [people[1]]);
      expect(csv.split('\r\n')[1]).toBe('r2,1,sms,en,A-100,ana,recommend,10,10,0.95,false,2000,0,2026-12-01T15:00:00.000Z,');
    });
  });
});

describe('toNdjson', () => {
  const survey = demoSurvey();

  describe('when a respondent re-answered a question over two sessions', () => {
    const people = [
      respondent('r1', [answer('recommend', 4, 0), answer('recommend', 9, 60, { channel: 'voice' }), answer('satisfaction', 5, 61, { channel: 'voice' })]),
      respondent('r2', [], { language: 'zh-CN', hidden: { order: '订单"7"', agent: 'bo' } }),
    ];
    const lines = toNdjson(survey, people).split('\n');

    it('then there is one JSON object per respondent that parses back to their final answers', () => {
      expect(lines.at(-1)).toBe('');
      const [first, second] = lines.slice(0, -1).map((line) => JSON.parse(line) as Record<string, unknown>);
      expect(first).toMatchObject({ respondentId: 'r1', startChannel: 'sms', started: true, finished: false, stoppedAt: 'resolved', invitedAt: '2026-12-01T15:00:00.000Z' });
      expect(first.answers).toEqual([
        { ...answer('recommend', 9, 60, { channel: 'voice' }), answeredAt: '2026-12-01T16:00:00.000Z' },
        { ...answer('satisfaction', 5, 61, { channel: 'voice' }), answeredAt: '2026-12-01T16:01:00.000Z' },
      ]);
      expect(second).toMatchObject({ respondentId: 'r2', language: 'zh-CN', hidden: { order: '订单"7"', agent: 'bo' }, started: false, consentedAt: null, answers: [] });
    });
  });
});
