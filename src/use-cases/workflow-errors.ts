import { AppError } from '../errors/app-error';
import { GatewayError } from '../temporal/gateway-error';

/**
 * Runs a call on a debtor's workflow and turns the gateway's refusals into answers a client can
 * act on: no such workflow is a 404; a validator's refusal is a 422 with the workflow's reason,
 * which names the field ('dueDate: is more than 14 days out, ...').
 */
export async function askWorkflow<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (err) {
    if (!(err instanceof GatewayError)) throw err;
    if (err.code === 'not_found') throw new AppError('not_found', err.message, 404);
    throw new AppError('rejected', err.message, 422, fieldProblems(err.message));
  }
}

/** The workflow's validators write 'field: reason; field: reason'; anything else stays prose. */
function fieldProblems(message: string): Array<{ path: string; message: string }> | undefined {
  const parts = message.split('; ').map((part) => /^([A-Za-z][\w.]*): (.+)$/s.exec(part));
  if (!parts.every((match) => match !== null)) return undefined;
  return parts.map((match) => ({ path: match![1], message: match![2] }));
}
