import path from 'node:path';
import { pathToFileURL } from 'node:url';

const tsxLoader = pathToFileURL(path.resolve(__dirname, '../../node_modules/tsx/dist/loader.mjs')).href;

/**
 * node's arguments to run a TypeScript file in one process, tsx loaded into it (as bin/parley does):
 * a signal sent to it reaches the script itself, not a tsx wrapper that relays or drops it.
 */
export function typeScriptProcessArgs(script: string): string[] {
  return ['--import', tsxLoader, script];
}
