import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { MongoHandle } from '../../src/adapters/mongo/connection';
import { createApiKey } from '../../src/auth/api-keys';
import type { Role } from '../../src/auth/roles';

/** The key `call` and `runCli` send to each service they are pointed at (by its URL). */
const keysByService = new Map<string, string>();

/** Creates an API key with this role on the service's database; the first one made for a service becomes the one `call` and `runCli` send. */
export async function apiKeyFor(service: { httpUrl?: string; mongo: MongoHandle }, role: Role = 'admin', name = `test-${role}-${keysByService.size}`): Promise<string> {
  const { apiKey } = await createApiKey(service.mongo.repositories, { name, role, createdBy: 'test' });
  if (service.httpUrl && !keysByService.has(service.httpUrl)) keysByService.set(service.httpUrl, apiKey);
  return apiKey;
}

export const bearer = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` });

/** The authorization header of the service's test key, for a test that fetches by itself. */
export function authHeaders(baseUrl: string): { authorization: string } {
  const key = keysByService.get(baseUrl);
  if (!key) throw new Error(`no test key for ${baseUrl}: call apiKeyFor(service) after starting it`);
  return bearer(key);
}

/**
 * A call to the service over the network, with the parsed JSON answer (or text), sending the
 * service's test key unless `headers` carry an authorization of their own ('' sends none).
 */
export async function call(
  baseUrl: string,
  method: string,
  urlPath: string,
  body?: { type: string; content: string | Buffer } | object,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: any }> {
  const payload =
    body === undefined ? undefined : 'type' in body && 'content' in body ? body : { type: 'application/json', content: JSON.stringify(body) };
  const key = keysByService.get(baseUrl);
  const { authorization = key ? `Bearer ${key}` : '', ...rest } = headers;
  const response = await fetch(`${baseUrl}${urlPath}`, {
    method,
    headers: { ...rest, ...(authorization ? { authorization } : {}), ...(payload ? { 'content-type': payload.type as string } : {}) },
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

/**
 * Runs bin/parley from a scratch directory (no .env there) with only the given environment, plus
 * the test key of the service at PARLEY_API_URL unless the environment sets PARLEY_API_KEY.
 */
export function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const bin = path.resolve(__dirname, '../../bin/parley');
  const key = env.PARLEY_API_URL === undefined ? undefined : keysByService.get(env.PARLEY_API_URL);
  if (key !== undefined && env.PARLEY_API_KEY === undefined) env = { ...env, PARLEY_API_KEY: key };
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
