import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = path.resolve(__dirname, '../../..');
const bin = path.join(repo, 'bin/parley');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** `parley survey validate FILE`, with no service, Temporal or database running. */
async function validate(file: string): Promise<Run> {
  try {
    const { stdout, stderr } = await promisify(execFile)(bin, ['survey', 'validate', file], { cwd: repo });
    return { code: 0, stdout, stderr };
  } catch (err) {
    const failed = err as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

describe('parley survey validate', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'parley-survey-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  // Each run loads the CLI through tsx, which takes seconds on a busy 2-core machine.
  it('when the demo survey is validated, then it exits 0 with a short summary', async () => {
    const run = await validate('examples/surveys/satisfaction-demo.yaml');
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect(run.stdout).toContain("valid, survey 'satisfaction-demo': 5 questions in en, zh-CN; contact by sms, then voice, then sms");
  }, 60_000);

  it('when a survey has problems, then it exits 2 with one line per problem, path and reason', async () => {
    const file = path.join(dir, 'bad.json');
    const survey = {
      kind: 'survey',
      id: 'bad',
      name: 'Bad',
      defaultTimeZone: 'America/Chicago',
      helpText: { en: 'Acme' },
      cadence: { steps: [{ id: 'call', channel: 'voice', delay: { duration: 'PT0S' } }] },
      introduction: { en: 'May I take a minute?' },
      closing: { en: 'Thanks.' },
      questions: [
        { id: 'score', type: 'nps', text: { en: '0 to 10?' }, next: [{ when: 'score <= 6', goTo: 'missing' }] },
        { id: 'age', type: 'number', range: { min: 99, max: 18 }, text: { en: 'Age?' } },
      ],
    };
    await writeFile(file, JSON.stringify(survey));
    const run = await validate(file);
    expect(run.code).toBe(2);
    expect(run.stdout.split('\n').slice(1, -1)).toEqual([
      '  questions.1.range.max: must be at least min (99)',
      "  questions.0.next.0.goTo: names 'missing', which is not a question of this survey: use a question id or 'end'",
    ]);
  }, 60_000);

  it('when the file is missing or not YAML, then it exits 2 and says why', async () => {
    const broken = path.join(dir, 'broken.yaml');
    await writeFile(broken, 'questions: [\n');
    const [missing, unparseable] = await Promise.all([validate(path.join(dir, 'none.yaml')), validate(broken)]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toContain('cannot read');
    expect(unparseable).toMatchObject({ code: 2, stdout: '' });
    expect(unparseable.stderr).toContain('YAML syntax error at line 2');
  }, 60_000);
});
