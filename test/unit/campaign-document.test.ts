import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CampaignDocumentError, parseCampaignDocument, type CampaignDocumentFormat } from '../../src/campaigns/campaign-document';
import { validateCampaign } from '../../src/campaigns/campaign-validation';

const demoYaml = readFileSync(join(__dirname, '../../examples/campaigns/collections-demo.yaml'), 'utf8');

describe('parseCampaignDocument', () => {
  it('when the demo YAML is read, then it is a valid campaign', () => {
    expect(validateCampaign(parseCampaignDocument(demoYaml, 'yaml')).ok).toBe(true);
  });

  it('when the same campaign is written as JSON, then it reads to the same data', () => {
    const data = parseCampaignDocument(demoYaml, 'yaml');
    expect(parseCampaignDocument(JSON.stringify(data, null, 2), 'json')).toEqual(data);
  });

  it('when YAML holds times, dates and yes/no words unquoted, then they stay text (YAML 1.2)', () => {
    expect(parseCampaignDocument('start: 08:00\ndate: 2026-12-25\nanswer: no\n', 'yaml')).toEqual({ start: '08:00', date: '2026-12-25', answer: 'no' });
  });

  it.each<{ what: string; format: CampaignDocumentFormat; text: string; line: number; column: number; reason: string }>([
    { what: 'an unclosed YAML list', format: 'yaml', text: 'id: demo\nlanguages: [en, zh-CN\nname: Demo\n', line: 3, column: 1, reason: 'Flow sequence' },
    { what: 'a YAML key written twice', format: 'yaml', text: 'id: demo\nname: A\nname: B\n', line: 3, column: 1, reason: 'Map keys must be unique' },
    { what: 'an unclosed YAML quote', format: 'yaml', text: 'id: demo\nname: "Demo\n', line: 3, column: 1, reason: 'Missing closing "quote' },
    { what: 'two YAML documents', format: 'yaml', text: 'id: a\n---\nid: b\n', line: 2, column: 1, reason: 'a campaign file holds one document' },
    { what: 'a YAML alias to no anchor', format: 'yaml', text: 'id: demo\nname: Demo\nlanguages: *langs\n', line: 3, column: 12, reason: 'the alias *langs names no anchor (&langs) set before it' },
    { what: 'a YAML alias before its anchor', format: 'yaml', text: 'id: demo\nname: *n\nhelp: &n Hi\n', line: 2, column: 7, reason: 'the alias *n names no anchor' },
    {
      what: 'YAML aliases that expand into a billion laughs',
      format: 'yaml',
      text: `a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [${Array(10).fill('*a').join(', ')}]\nc: &c [${Array(10).fill('*b').join(', ')}]\nd: [${Array(10).fill('*c').join(', ')}]\n`,
      line: 2,
      column: 8,
      reason: 'aliases expand into too much data',
    },
    { what: 'a JSON value missing', format: 'json', text: '{\n  "id": "demo",\n  "name": \n}', line: 4, column: 1, reason: "unexpected '}'" },
    { what: 'a JSON trailing comma', format: 'json', text: '{\n  "languages": ["en",]\n}', line: 2, column: 22, reason: "unexpected ']'" },
    { what: 'a JSON key without quotes', format: 'json', text: '{\n  id: "demo"\n}', line: 2, column: 3, reason: 'Expected property name' },
    { what: 'a misspelt JSON literal', format: 'json', text: '{"dtmfFallback": tru}', line: 1, column: 18, reason: "unexpected 'tru}'" },
    { what: 'a JSON document cut short after a comma', format: 'json', text: '{"id": "demo",', line: 1, column: 15, reason: 'Expected double-quoted property name' },
    { what: 'a JSON document cut short in a list', format: 'json', text: '{"languages": [', line: 1, column: 16, reason: 'ends before it is complete' },
    { what: 'text after the JSON document', format: 'json', text: '{"id": "demo"} extra', line: 1, column: 16, reason: 'Unexpected non-whitespace character' },
  ])('when a document has $what, then the error gives line $line, column $column', ({ format, text, line, column, reason }) => {
    let thrown: unknown;
    try {
      parseCampaignDocument(text, format);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(CampaignDocumentError);
    const error = thrown as CampaignDocumentError;
    expect({ line: error.line, column: error.column }).toEqual({ line, column });
    expect(error.reason).toContain(reason);
    expect(error.message).toContain(`at line ${line}, column ${column}`);
  });
});
