import type { Persona } from '../personas/persona-schema';
import type { AnsweredBy } from '../records';

/** Twilio's MachineDetection modes: Enable decides quickly; DetectMessageEnd waits for the beep. */
export type MachineDetection = 'Enable' | 'DetectMessageEnd';

/**
 * What answering machine detection reports for a persona that picked up
 * (https://www.twilio.com/docs/voice/answering-machine-detection): a person is "human"; a
 * voicemail is "machine_start" when detection only has to decide, "machine_end_beep" once it
 * waited for the greeting to end. A persona may force another result (a misdetection, a fax).
 */
export function detectAnsweredBy(persona: Persona, mode: MachineDetection): AnsweredBy {
  if (persona.answeredBy) return persona.answeredBy;
  if (persona.answers !== 'voicemail') return 'human';
  return mode === 'Enable' ? 'machine_start' : 'machine_end_beep';
}

/** Whether the TwiML starts only after the greeting (DetectMessageEnd on a machine). */
export function waitsForGreetingEnd(answeredBy: AnsweredBy, mode: MachineDetection): boolean {
  return mode === 'DetectMessageEnd' && answeredBy.startsWith('machine_end');
}

// Detection listens to the first words; a person's "Hello?" and silence decide it in a few seconds.
export const DETECTION_SECONDS = 3;
