// The task queues a deployment uses, named from its main queue.

export interface TaskQueues {
  main: string;
  /** Rate-limited: Twilio's per-sender message rate. */
  sms: string;
  /** Rate-limited: Twilio's per-account call rate. */
  voice: string;
}

export function taskQueuesFor(mainQueue: string): TaskQueues {
  return { main: mainQueue, sms: `${mainQueue}-sms`, voice: `${mainQueue}-voice` };
}
