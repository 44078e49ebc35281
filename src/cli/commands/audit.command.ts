import type { Command } from 'commander';
import type { Config } from '../../config/config';
import type { ApiClient } from '../api-client';
import { auditVerifyCommand } from './audit-verify.command';
import { auditExportCommand } from './audit-export.command';
import { auditReplayCommand } from './audit-replay.command';
import { auditTimelineCommand } from './audit-timeline.command';

// The auditor's tools: one command each to export, replay, explain and verify a person's history.

export function auditCommands(program: Command, config: () => Config, api: () => ApiClient): void {
  const audit = program.command('audit').description("an auditor's tools: export, replay, explain and verify any person's history");
  auditExportCommand(audit, config);
  auditReplayCommand(audit, config);
  auditTimelineCommand(audit, api);
  auditVerifyCommand(audit, config);
}
