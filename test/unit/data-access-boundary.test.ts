import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

// The repositories in src/adapters/mongo are the only code that knows the database: every other
// module reads and writes through them, so a query (its filter, its sanitizeFilter exceptions,
// its unique-index idempotency) is written in one place.
const root = join(__dirname, '../..');
const dataLayer = 'src/adapters/mongo/';

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)));
}

const reachesDatabase = [
  { what: 'imports mongoose', pattern: /from ['"]mongoose['"]|require\(['"]mongoose['"]\)/ },
  { what: 'imports the mongoose models', pattern: /from ['"][./]*(?:src\/)?adapters\/mongo\/models(?:\/[^'"]*)?['"]/ },
  { what: 'uses the models of the database handle', pattern: /\bmongo\.models\b|\bmodels\.(?:debtors|campaigns|campaignVersions|contactAttempts|consentEvents|auditEvents|payments|paymentLinks|paymentCheckouts|humanTasks|calls|callTurns|speechClips|selfChecks)\b/ },
];

const files = ['src', 'activities', 'workflows'].flatMap(sourceFiles).filter((file) => !file.startsWith(dataLayer));

describe('the repository layer is the only code that queries the database', () => {
  it('finds the modules to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('when a module outside src/adapters/mongo reaches mongoose or its models, then it is named', () => {
    const offenders = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return reachesDatabase.filter(({ pattern }) => pattern.test(text)).map(({ what }) => `${file} ${what}`);
    });
    expect(offenders).toEqual([]);
  });
});
