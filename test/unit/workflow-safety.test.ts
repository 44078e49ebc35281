import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Everything under src/campaigns and src/policy may be bundled into Temporal's deterministic
// workflow sandbox: no Node built-ins, no I/O and no reading of the clock or of randomness.
const root = join(__dirname, '../..');
const files = ['src/campaigns', 'src/policy'].flatMap((folder) =>
  readdirSync(join(root, folder))
    .filter((name) => name.endsWith('.ts'))
    .map((name) => `${folder}/${name}`),
);

const forbidden = [
  { what: 'a Node built-in import', pattern: /from ['"](?:node:|fs|path|crypto|os|child_process|http|https|net|process)['"/]/ },
  { what: 'process', pattern: /\bprocess\./ },
  { what: 'the clock', pattern: /Date\.now\(|new Date\(\)/ },
  { what: 'randomness', pattern: /Math\.random\(/ },
];

describe('workflow safety of campaign and policy modules', () => {
  it('finds the modules to check', () => {
    expect(files.length).toBeGreaterThanOrEqual(12);
  });

  it.each(files.flatMap((file) => forbidden.map(({ what, pattern }) => ({ file, what, pattern }))))('$file uses no $what', ({ file, pattern }) => {
    expect(readFileSync(join(root, file), 'utf8')).not.toMatch(pattern);
  });
});
