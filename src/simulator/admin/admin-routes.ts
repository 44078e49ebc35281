import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { SimulatorContext } from '../context';
import { SimulatorUsageError } from '../personas/people-registry';
import { parsePersona } from '../personas/persona-loader';
import type { Persona } from '../personas/persona-schema';
import type { CallRecord } from '../records';
import { receiveFromPerson } from '../sms/inbound-messages';
import { receiveCallFromPerson } from '../voice/inbound-calls';

const assignment = z.strictObject({
  phone: z.string(),
  /** A library persona's name, or a persona written inline. */
  persona: z.union([z.string(), z.record(z.string(), z.unknown())]),
  identity: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
});
const outgoingSms = z.strictObject({ body: z.string().min(1), to: z.string().optional() });
const outgoingCall = z.strictObject({ to: z.string().optional() });
const agentBehaviour = z.strictObject({
  outcome: z.enum(['answer', 'no-answer', 'busy', 'fail']).optional(),
  ringSeconds: z.number().min(0).optional(),
  talkSeconds: z.number().min(0).optional(),
});

/**
 * The simulator's own API under /_sim/: who answers which number, making people text the
 * service, and everything recorded. Unauthenticated: it only ever listens locally.
 */
export function registerAdminRoutes(app: FastifyInstance, context: SimulatorContext): void {
  const { people, store } = context;

  app.get('/_sim/personas', async () =>
    people.personas().map(({ name, description, answers }) => ({ name, description, answers })),
  );

  app.get('/_sim/people', async () => people.list().map(personView));

  app.post('/_sim/people', async (request, reply) => {
    const { phone, persona, identity } = parse(assignment, request.body);
    const resolved: string | Persona =
      typeof persona === 'string' ? persona : parsePersona(`inline:${phone}`, persona, 'POST /_sim/people');
    return reply.code(201).send(personView(people.assign(phone, resolved, identity)));
  });

  app.delete<{ Params: { phone: string } }>('/_sim/people/:phone', async (request, reply) => {
    if (!people.unassign(request.params.phone)) throw new SimulatorUsageError(`no persona is assigned to ${request.params.phone}`);
    return reply.code(204).send();
  });

  app.post<{ Params: { phone: string } }>('/_sim/people/:phone/sms', async (request, reply) => {
    const { body, to } = parse(outgoingSms, request.body);
    const serviceNumber = to ?? context.options.phoneNumbers[0]?.phoneNumber;
    if (!serviceNumber) throw new SimulatorUsageError('the simulator has no service phone number to text');
    const message = receiveFromPerson(context, request.params.phone, serviceNumber, body);
    return reply.code(201).send(message);
  });

  app.post<{ Params: { phone: string } }>('/_sim/people/:phone/call', async (request, reply) => {
    const { to } = parse(outgoingCall, request.body ?? {});
    const serviceNumber = to ?? context.options.phoneNumbers.find((number) => number.voiceUrl)?.phoneNumber;
    if (!serviceNumber) throw new SimulatorUsageError('the simulator has no service phone number with a voiceUrl');
    return reply.code(201).send(callSummary(receiveCallFromPerson(context, request.params.phone, serviceNumber)));
  });

  app.get<{ Querystring: { phone?: string } }>('/_sim/calls', async (request) =>
    store.listCalls({ phone: request.query.phone }).map(callSummary),
  );

  app.get<{ Params: { sid: string } }>('/_sim/calls/:sid', async (request, reply) => {
    const call = store.call(request.params.sid);
    return call ?? reply.code(404).send({ error: `no call ${request.params.sid}` });
  });

  app.get<{ Querystring: { phone?: string } }>('/_sim/messages', async (request) =>
    store.listMessages({ phone: request.query.phone }),
  );

  app.get<{ Querystring: { since?: string } }>('/_sim/events', async (request) =>
    store.eventsSince(Number(request.query.since) || 0),
  );

  app.get('/_sim/logs', async () => store.logs());

  app.get('/_sim/agents', async () => context.agents.list());

  app.put<{ Params: { target: string } }>('/_sim/agents/:target', async (request) => ({
    target: request.params.target,
    ...context.agents.set(request.params.target, parse(agentBehaviour, request.body)),
  }));

  app.post('/_sim/reset', async (_request, reply) => {
    store.clear();
    return reply.code(204).send();
  });
}

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`);
  throw new SimulatorUsageError(problems.join('; '));
}

function personView(person: ReturnType<SimulatorContext['people']['at']>) {
  return { phone: person.phone, persona: person.persona.name, identity: person.identity, assigned: person.assigned };
}

function callSummary(call: Readonly<CallRecord>) {
  const { transcript: _transcript, ...summary } = call;
  return summary;
}
