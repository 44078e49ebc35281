// Lint: the few rules that catch what the type checker does not. `npm run lint`; `npm test` runs it
// after the type check.
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';

/** A message for an import that would take a pure module (or a workflow) out of determinism. */
const impure = (what) =>
  `${what} is not deterministic or not pure: workflows and the pure modules they call (src/dialog, src/policy, src/voice, src/campaigns, src/surveys, src/kpi, src/experiments) ` +
  'take only their inputs; side effects belong in activities/, vendors in src/adapters.';

/**
 * Bare modules the pure folders may import, each pure and deterministic here:
 * - zod: schemas, no I/O;
 * - luxon: date arithmetic and time zones from Intl (the sandbox's Intl works, and its clock is the
 *   workflow's own, so DateTime.now() replays the same);
 * - libphonenumber-js/max: parsing against metadata it ships;
 * - yaml: a parser (src/campaigns reads campaign documents);
 * - jstat: the normal and Student t distributions (src/experiments tests the arms' differences).
 */
const pureModules = ['zod', 'luxon', 'libphonenumber-js/max', 'yaml', 'jstat'];
/** Workflows add the two Temporal packages meant for the sandbox. */
const workflowModules = ['@temporalio/workflow', '@temporalio/common', ...pureModules];

/** Relative imports of the layers that do I/O (the data flow's upper and lower ends). */
const impureLayers = ['adapters', 'http', 'temporal', 'service', 'cli', 'dev', 'simulator', 'use-cases', 'config', 'logging', 'load'];

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const restrictedImports = (allowed) => [
  'error',
  {
    patterns: [
      {
        // Any bare module (Node built-ins, node:*, vendors) but the allowed ones.
        regex: `^(?!\\.|(${allowed.map(escape).join('|')})$)`,
        message: impure('A Node built-in or vendor package'),
      },
      {
        regex: `(^|/)src/(${impureLayers.join('|')})(/|$)|^\\.\\./(${impureLayers.join('|')})(/|$)`,
        message: impure('A service layer (adapters, HTTP, Temporal client, config, ...)'),
      },
      {
        // Workflows name activities by type only; the worker runs them outside the sandbox.
        regex: '(^|/)activities(/|$)',
        allowTypeImports: true,
        message: impure('An activity module (import its types only)'),
      },
    ],
  },
];

/** The same, for the two ways round no-restricted-imports: require() and import(). */
const noRuntimeLoading = [
  'error',
  { selector: "CallExpression[callee.name='require']", message: impure('A module loaded with require()') },
  { selector: 'ImportExpression', message: impure('A module loaded with import()') },
];

export default defineConfig(
  { ignores: ['node_modules/**', 'dist/**', '.data/**', '.tools/**', 'tools/**', '**/*.mjs', '**/*.js'] },
  {
    files: ['**/*.ts'],
    languageOptions: {
      parser: tseslint.parser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { '@typescript-eslint': tseslint.plugin, 'import-x': importX },
    settings: {
      // import-x reads each imported file to follow cycles: with the TypeScript parser, resolving
      // extensionless paths to .ts files.
      'import-x/extensions': ['.ts'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.js', '.json'] })],
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // Forgetting to await an activity, a Temporal API or a write loses its failure (and, in a
      // workflow, its ordering). `void` marks a promise left running on purpose; say why beside it.
      '@typescript-eslint/no-floating-promises': 'error',
      // Data flows one way (README, Architecture): a cycle means a layer reaches back up.
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
    },
  },
  {
    // The simulator stands in for Twilio; its parts call each other and it is never imported by the service.
    files: ['src/simulator/**/*.ts'],
    rules: { 'import-x/no-cycle': 'off' },
  },
  {
    files: ['src/dialog/**/*.ts', 'src/policy/**/*.ts', 'src/voice/**/*.ts', 'src/campaigns/**/*.ts', 'src/surveys/**/*.ts', 'src/kpi/**/*.ts', 'src/experiments/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictedImports(pureModules), 'no-restricted-syntax': noRuntimeLoading },
  },
  {
    files: ['workflows/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': restrictedImports(workflowModules), 'no-restricted-syntax': noRuntimeLoading },
  },
);
