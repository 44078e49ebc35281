import mongoose, { type Connection } from 'mongoose';
import { registerModels, type Models } from './models';
import { createRepositories, type Repositories } from './repositories';

// sanitizeFilter wraps `$`-operators found in query filters in $eq, so a value from a request
// (`{"status": {"$ne": null}}`) can never become a query operator. strictQuery drops filter keys
// that are not in the schema. Set globally before any connection is made.
mongoose.set('strictQuery', true);
mongoose.set('sanitizeFilter', true);

export interface MongoHandle {
  readonly connection: Connection;
  /** What the service reads and writes through: the only code that queries the models. */
  readonly repositories: Repositories;
  /** The models themselves, for the repositories and for tests that look into the database. */
  readonly models: Models;
  ping(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Opens a connection of its own (not mongoose's global one, so tests can hold one database each)
 * and builds every model's indexes before returning: unique indexes are what make our writes
 * idempotent, so the service must not take traffic before they exist.
 */
export async function connectMongo(uri: string, database: string): Promise<MongoHandle> {
  const connection = mongoose.createConnection(uri, {
    dbName: database,
    serverSelectionTimeoutMS: 10_000,
    autoIndex: false,
  });
  await connection.asPromise();
  const models = registerModels(connection);
  for (const model of Object.values(models)) await model.createIndexes();
  return {
    connection,
    repositories: createRepositories(models),
    models,
    async ping() {
      const db = connection.db;
      if (!db) throw new Error('MongoDB connection is not open');
      await db.admin().command({ ping: 1 });
    },
    close: () => connection.close(),
  };
}

/**
 * Resolves once the server at `uri` answers a query that reaches its storage (for FerretDB, the
 * PostgreSQL behind it), so a broken backend shows at start and not at the first write.
 */
export async function probeMongo(uri: string): Promise<void> {
  const probe = await mongoose.createConnection(uri, { serverSelectionTimeoutMS: 1000 }).asPromise();
  try {
    await probe.db!.collection('readiness').findOne({});
  } finally {
    await probe.close();
  }
}
