import { writeSync } from 'node:fs';

// Runs the parley CLI with this process's arguments and, as the process exits, prints every module
// it had loaded (the CLI is CommonJS, so require.cache holds each of them).
process.on('exit', () => {
  writeSync(1, `\nloaded modules: ${JSON.stringify(Object.keys(require.cache))}\n`);
});
require('../../../src/cli/parley');
