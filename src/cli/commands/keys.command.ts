import os from 'node:os';
import type { Command } from 'commander';
import { ConfigError, type Config } from '../../config/config';
import { withDatabase } from './service-connections';
import { createApiKey } from '../../auth/api-keys';
import { isRole, roles } from '../../auth/roles';

// API keys are managed on the database itself, not through the API: whoever holds the database's
// credentials can make the first admin key, and no key can mint a stronger one.

/** `parley keys create|list|revoke`, on MONGODB_URI (or the embedded database of `parley dev`). */
export function keysCommands(program: Command, config: () => Config): void {
  const keys = program.command('keys').description("API keys, on the service's database (MONGODB_URI, or the one `parley dev` runs)");

  keys
    .command('create')
    .description('create a key and print it once: it is stored hashed and cannot be shown again')
    .requiredOption('--name <name>', 'who or what holds it (unique among active keys), e.g. "alice" or "crm-sync"')
    .requiredOption('--role <role>', `one of ${roles.join(', ')}`)
    .option('--json', 'print JSON')
    .action(async (opts: { name: string; role: string; json?: boolean }) => {
      if (!isRole(opts.role)) throw new ConfigError([`--role: '${opts.role}' is not a role; use one of ${roles.join(', ')}`]);
      const name = opts.name.trim();
      if (!/^[\w.@-]{1,64}$/.test(name)) throw new ConfigError(['--name: 1 to 64 letters, digits, dots, dashes, underscores or @']);
      const role = opts.role;
      await withDatabase(config(), async (mongo) => {
        if (await mongo.repositories.apiKeys.activeByName(name)) throw new ConfigError([`--name: an active key is already named '${name}'; revoke it first or pick another name`]);
        const created = await createApiKey(mongo.repositories, { name, role, createdBy: `cli:${os.userInfo().username}` });
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ ...created, name, role })}\n`
            : `${created.apiKey}\nkey ${created.keyId} '${name}' (${role}) created; it is shown this once. Use it as PARLEY_API_KEY, or send "Authorization: Bearer <key>".\n`,
        );
      });
    });

  keys
    .command('list')
    .description('every key: id, name, role, created, last used, revoked (never the key itself)')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withDatabase(config(), async (mongo) => {
        const all = await mongo.repositories.apiKeys.list();
        if (opts.json) return void process.stdout.write(`${JSON.stringify(all.map(({ _id, ...key }) => key))}\n`);
        for (const key of all) {
          const used = key.lastUsedAt ? `last used ${key.lastUsedAt.toISOString()}` : 'never used';
          const state = key.revokedAt ? `revoked ${key.revokedAt.toISOString()}` : 'active';
          process.stdout.write(`${key.keyId}  ${key.name}  ${key.role}  created ${key.createdAt.toISOString()} by ${key.createdBy}  ${used}  ${state}\n`);
        }
      });
    });

  keys
    .command('revoke')
    .description('revoke a key by its id or name (the service stops taking it within 30 s)')
    .argument('<key>', "the key's id or name")
    .action(async (idOrName: string) => {
      await withDatabase(config(), async (mongo) => {
        if (!(await mongo.repositories.apiKeys.revoke(idOrName, new Date()))) throw new ConfigError([`key: no active key has the id or name '${idOrName}'`]);
        process.stdout.write(`key ${idOrName} revoked\n`);
      });
    });
}
