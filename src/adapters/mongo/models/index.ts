import type { Connection } from 'mongoose';
import { selfCheckModel } from './self-check.model';

export function registerModels(connection: Connection) {
  return {
    selfChecks: selfCheckModel(connection),
  };
}

export type Models = ReturnType<typeof registerModels>;
