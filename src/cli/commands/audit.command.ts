import type { Command } from 'commander';
import type { Config } from '../../config/config';
import type { ApiClient } from '../api-client';
import { auditTimelineCommand } from './audit-timeline.command';

// The auditor's tools: one command each to export, replay, explain and verify a person's history.

export function auditCommands(program: Command, config: () => Config, api: () => ApiClient): void {
  const audit = program.command('audit').description("an auditor's tools: export, replay, explain and verify any person's history");
  auditTimelineCommand(audit, api);
  void config;
}
