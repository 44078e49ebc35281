import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A call to the service over the network, with the parsed JSON answer (or text). */
export async function call(
  baseUrl: string,
  method: string,
  urlPath: string,
  body?: { type: string; content: string | Buffer } | object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const payload =
    body === undefined ? undefined : 'type' in body && 'content' in body ? body : { type: 'application/json', content: JSON.stringify(body) };
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { ...headers, ...(payload ? { 'content-type': payload.type as string } : {}) },
    ...(payload ? { body: payload.content as string } : {}),
  });
  const text = await response.text();
  return { status: response.status, body: response.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text };
}

const demoCampaign = readFileSync(path.resolve(__dirname, '../../examples/campaigns/collections-demo.yaml'), 'utf8');

/** The demo campaign's YAML under another id (workflow ids are per campaign, and the Temporal server is shared by every test file). */
export function demoCampaignYaml(id: string, name = 'Northwind Card Services'): string {
  return demoCampaign.replace(/^id: .*$/m, `id: ${id}`).replace(/^name: .*$/m, `name: ${name}`);
}

const demoSurvey = readFileSync(path.resolve(__dirname, '../../examples/surveys/satisfaction-demo.yaml'), 'utf8');

/** The demo survey's YAML under another id. */
export function demoSurveyYaml(id: string): string {
  return demoSurvey.replace(/^id: .*$/m, `id: ${id}`);
}

export const yaml = (content: string) => ({ type: 'application/yaml', content });
export const csv = (content: string) => ({ type: 'text/csv', content });

/** Runs bin/parley from a scratch directory (no .env there) with only the given environment. */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bin = path.resolve(__dirname, '../../bin/parley');
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { cwd: os.tmpdir(), env: { PATH: process.env.PATH ?? '', HOME: os.tmpdir(), ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
