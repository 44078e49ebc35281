// Builds the operator console (console/) into dist/console: one script and one stylesheet, with
// Preact and Chart.js bundled in, so the console runs offline and needs no CDN. esbuild is fast
// enough (well under a second) to run on every setup.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const repo = path.resolve(import.meta.dirname, '..');
const out = path.join(repo, 'dist/console');
mkdirSync(path.join(out, 'assets'), { recursive: true });
await build({
  entryPoints: { app: path.join(repo, 'console/main.tsx') },
  outdir: path.join(out, 'assets'),
  bundle: true,
  minify: true,
  sourcemap: true,
  format: 'esm',
  target: 'es2022',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  logLevel: 'warning',
});
copyFileSync(path.join(repo, 'console/index.html'), path.join(out, 'index.html'));
