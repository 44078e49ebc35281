import { describe, expect, it } from 'vitest';
import { respondentRowReader } from '../../src/use-cases/respondent-row';

// The demo survey's import settings (examples/surveys/satisfaction-demo.yaml).
const survey = { jurisdiction: 'US', defaultTimeZone: 'America/New_York', languages: ['en', 'zh-CN'], hiddenFields: ['order', 'agent'] };
const reader = respondentRowReader(survey);

describe('reading a respondent row', () => {
  it('when only the required columns are given, then the survey supplies the zone, the language and no consent', () => {
    expect(reader.row({ respondent_ref: 'R-1', phone: '(212) 555-0101' })).toEqual({
      ok: true,
      profile: { respondentRef: 'R-1', phone: '+12125550101', timeZone: 'America/New_York', language: 'en', hidden: {}, artificialVoiceConsent: false },
    });
  });

  it('when every column is given, then each is read, hidden fields kept as text', () => {
    const row = {
      respondent_ref: 'R-2',
      phone: '+1 212 555 0102',
      time_zone: 'asia/shanghai',
      language: 'zh-cn',
      first_name: 'Mei',
      artificial_voice_consent: 'Yes',
      order: 10442,
      agent: ' Sam ',
    };
    expect(reader.row(row)).toEqual({
      ok: true,
      profile: {
        respondentRef: 'R-2',
        phone: '+12125550102',
        timeZone: 'Asia/Shanghai',
        language: 'zh-CN',
        firstName: 'Mei',
        hidden: { order: '10442', agent: 'Sam' },
        artificialVoiceConsent: true,
      },
    });
  });

  it.each([
    { language: 'zh', read: 'zh-CN' },
    { language: 'zh-TW', read: 'zh-CN' },
    { language: 'en-GB', read: 'en' },
    { language: 'EN', read: 'en' },
    { language: 'fr', read: 'fr' },
  ])("when the language is '$language', then it is read as '$read' (the survey's own spelling where it has the language)", ({ language, read }) => {
    const result = reader.row({ respondent_ref: 'R-3', phone: '+12125550103', language });
    expect(result.ok && result.profile.language).toBe(read);
  });

  it.each([
    { cells: { phone: '+12125550104' }, field: 'respondent_ref', message: 'is required' },
    { cells: { respondent_ref: 'R-4' }, field: 'phone', message: 'is required' },
    { cells: { respondent_ref: 'R 4/x', phone: '+12125550104' }, field: 'respondent_ref', message: "'R 4/x' is not a respondent reference" },
    { cells: { respondent_ref: 'R-4', phone: '+1555' }, field: 'phone', message: "'+1555' is too short" },
    { cells: { respondent_ref: 'R-4', phone: '+12125550104', time_zone: 'Mars/Olympus' }, field: 'time_zone', message: "unknown time zone 'Mars/Olympus'" },
    { cells: { respondent_ref: 'R-4', phone: '+12125550104', language: 'not a tag' }, field: 'language', message: 'is not a language tag' },
    { cells: { respondent_ref: 'R-4', phone: '+12125550104', artificial_voice_consent: 'maybe' }, field: 'artificial_voice_consent', message: 'must be true, false, yes or no' },
    { cells: { respondent_ref: 'R-4', phone: '+12125550104', order: 'x'.repeat(201) }, field: 'order', message: 'is longer than 200 characters' },
    { cells: { respondent_ref: 'R-4', phone: '+12125550104', order: { id: 1 } }, field: 'order', message: 'must be text, a number or true/false' },
    { cells: { respondent_ref: 'R-4', phone: '+12125550104', channel: 'web' }, field: 'channel', message: 'is not a known column' },
  ])('when $field is wrong, then the row is refused naming it: $message', ({ cells, field, message }) => {
    const result = reader.row(cells);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([{ field, message: expect.stringContaining(message) }]);
  });

  it.each([
    { jurisdiction: 'US', phone: '+86 138 0013 8000', message: "'+86 138 0013 8000' is not a +1 number, and this survey's jurisdiction is US" },
    { jurisdiction: 'US-CA', phone: '+44 20 7946 0000', message: "'+44 20 7946 0000' is not a +1 number, and this survey's jurisdiction is US-CA" },
    { jurisdiction: 'CN', phone: '+1 212 555 0106', message: "'+1 212 555 0106' is a +1 number, contacted under US law, and this survey's jurisdiction is CN" },
    { jurisdiction: 'GB', phone: '+12125550106', message: "'+12125550106' is a +1 number, contacted under US law, and this survey's jurisdiction is GB" },
  ])('when a $jurisdiction survey imports $phone, then the row is refused naming the phone column', ({ jurisdiction, phone, message }) => {
    const result = respondentRowReader({ ...survey, jurisdiction }).row({ respondent_ref: 'R-6', phone });
    expect(!result.ok && result.problems).toEqual([{ field: 'phone', message: expect.stringContaining(message) }]);
  });

  it.each([
    { jurisdiction: 'CN', phone: '13800138000', e164: '+8613800138000' },
    { jurisdiction: 'CA', phone: '+1 416 555 0100', e164: '+14165550100' },
  ])('when a $jurisdiction survey imports $phone, then it is taken', ({ jurisdiction, phone, e164 }) => {
    const result = respondentRowReader({ ...survey, jurisdiction }).row({ respondent_ref: 'R-7', phone });
    expect(result.ok && result.profile.phone).toBe(e164);
  });

  it('when a row has several problems, then each is named', () => {
    const result = reader.row({ respondent_ref: '', phone: 'call me', nickname: 'Bo' });
    expect(!result.ok && result.problems.map((p) => p.field).sort()).toEqual(['nickname', 'phone', 'respondent_ref']);
  });

  it("when a hidden field has the name of a respondent column, then it takes that column's value", () => {
    const byLanguage = respondentRowReader({ ...survey, hiddenFields: ['language'] });
    const result = byLanguage.row({ respondent_ref: 'R-5', phone: '+12125550105', language: 'zh' });
    expect(result.ok && result.profile).toMatchObject({ language: 'zh-CN', hidden: { language: 'zh-CN' } });
  });
});

describe('reading a respondent CSV header', () => {
  it("when the header has the required columns, hidden fields and any case, then it is taken in the survey's spelling", () => {
    expect(reader.header(['Respondent_Ref', 'PHONE', 'order', 'First_Name'])).toEqual({ ok: true, columns: ['respondent_ref', 'phone', 'order', 'first_name'] });
  });

  it('when a column is unknown, repeated or a required one is missing, then each problem is named', () => {
    expect(reader.header(['respondent_ref', 'phone', 'Phone', 'channel'])).toEqual({
      ok: false,
      problems: [
        { field: 'Phone', message: 'appears twice' },
        { field: 'channel', message: expect.stringMatching(/^is not a known column \(known: respondent_ref, phone, .*order, agent\)$/) },
      ],
    });
    expect(reader.header(['respondent_ref', 'order'])).toEqual({ ok: false, problems: [{ field: 'phone', message: 'is a required column and the header does not have it' }] });
  });
});
