import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { ConfigError, type Config } from '../../config/config';
import { checkOutDir, exportHistories } from '../../temporal/history-export';
import { visibilityQuery } from '../../temporal/history-selection';
import type { ExportManifest } from '../../temporal/history-files';
import { progressBar } from '../progress-bar';
import { badInput, selectedIds, selectionFrom, withSelectionOptions, type SelectionOptions } from './audit-selection';
import { withTemporal } from './service-connections';

interface ExportOptions extends SelectionOptions {
  out: string;
  decode?: boolean;
  json?: boolean;
}

/** `parley audit export`: every run of the selected workflows, one JSON history per run, and a manifest. */
export function auditExportCommand(audit: Command, config: () => Config): void {
  withSelectionOptions(
    audit
      .command('export')
      .description(
        'write the complete histories of workflows (every run, following continue-as-new) to a folder, in the JSON of Temporal\'s CLI, with a manifest.json. ' +
          'Payloads stay encrypted as the server stores them unless --decode is given.',
      )
      .requiredOption('--out <dir>', 'a new or empty folder to write the histories into'),
  )
    .option('--decode', "decode payloads with the service's payload keys (TEMPORAL_PAYLOAD_KEYS): the files then hold names and numbers in clear")
    .option('--json', 'print the manifest as JSON')
    .action(async (opts: ExportOptions) => {
      const selection = selectionFrom(opts);
      if (!selection) throw new ConfigError(['--workflow, --campaign, --survey or --query: name the workflows to export']);
      const outDir = path.resolve(opts.out);
      mkdirSync(outDir, { recursive: true });
      badInput(undefined, () => checkOutDir(outDir));
      const manifest = await withTemporal(config(), async (client) => {
        const codecs = client.options.loadedDataConverter.payloadCodecs;
        if (opts.decode && codecs.length === 0) throw new ConfigError(['--decode: no payload keys are configured (TEMPORAL_PAYLOAD_KEYS or TEMPORAL_PAYLOAD_KEYS_FILE)']);
        const ids = await selectedIds(client, selection);
        const bar = progressBar('exporting', ids.length);
        try {
          const query = selection.kind === 'workflows' ? undefined : visibilityQuery(selection);
          return await exportHistories(client, ids, { outDir, query, ...(opts.decode ? { decodeWith: codecs } : {}), onWorkflowDone: () => bar.increment() });
        } finally {
          bar.stop();
        }
      });
      process.stdout.write(opts.json ? `${JSON.stringify({ outDir, ...manifest })}\n` : summary(outDir, manifest));
    });
}

function summary(outDir: string, manifest: ExportManifest): string {
  const states = [...new Set(manifest.runs.map((run) => run.payloads))].join(', ');
  const events = manifest.runs.reduce((total, run) => total + run.events, 0);
  return `${manifest.workflows} workflows, ${manifest.runs.length} runs, ${events} events written to ${outDir} (payloads ${states}); see manifest.json\n`;
}
