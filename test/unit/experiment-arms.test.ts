import { describe, expect, it } from 'vitest';
import { armChanges, campaignWithArms, pickArm } from '../../src/experiments/arms';
import { loadTestCampaign } from '../support/debtor-fixtures';
import type { Experiment } from '../../src/campaigns/experiment-schema';

// Who lands in which arm: fixed per person, in proportion to the weights, and moved only when the
// arm stops or goes.

const experiment = (arms: Array<Partial<Experiment['arms'][number]> & { id: string }>): Experiment => ({
  id: 'greeting-wording',
  arms: arms.map((arm) => ({ weight: 1, stopped: false, ...arm })),
});

const people = Array.from({ length: 4000 }, (_, i) => `debtor/demo/ACC-${i}`);

describe('experiment arms', () => {
  it('When 4,000 people meet a 3:1 experiment, then about three quarters land in the first arm, each the same on every asking', () => {
    const split = experiment([{ id: 'a', weight: 3 }, { id: 'b', weight: 1 }]);
    const picks = people.map((person) => pickArm(split, person));

    const share = picks.filter((arm) => arm === 'a').length / people.length;
    expect(share).toBeGreaterThan(0.72);
    expect(share).toBeLessThan(0.78);
    expect(people.map((person) => pickArm(split, person))).toEqual(picks);
  });

  it('When an arm is stopped, then only its people move, to a running arm, and the move names where they came from', () => {
    const running = experiment([{ id: 'a' }, { id: 'b' }, { id: 'c' }]);
    const held = Object.fromEntries(people.slice(0, 300).map((person) => [person, pickArm(running, person)!]));
    const stopped = experiment([{ id: 'a' }, { id: 'b', stopped: true }, { id: 'c' }]);

    for (const [person, arm] of Object.entries(held)) {
      const changes = armChanges([stopped], { 'greeting-wording': arm }, person);
      if (arm === 'b') expect(changes).toEqual([{ experimentId: 'greeting-wording', armId: expect.stringMatching(/^[ac]$/), from: 'b', reason: 'arm-stopped' }]);
      else expect(changes).toEqual([]);
    }
    expect(armChanges([stopped], {}, people[0]!)).toEqual([{ experimentId: 'greeting-wording', armId: expect.stringMatching(/^[ac]$/), reason: 'assigned' }]);
  });

  it("When a person's arms are applied, then the campaign carries that arm's greeting, disclosures, template wording and call hours, and the control's campaign is unchanged", () => {
    const campaign = loadTestCampaign('voice-test.yaml', (doc) => {
      doc.experiments = [
        {
          id: 'wording',
          arms: [
            { id: 'control' },
            {
              id: 'warm',
              greeting: { en: 'Hi, it is {{agentName}}. Is {{fullName}} there?', 'zh-CN': '您好，我是{{agentName}}。请问{{fullName}}在吗？' },
              templates: { reminder: { en: 'Hi again from {{campaignName}}: {{amountDue}} is open. {{paymentLink}}', 'zh-CN': '{{campaignName}}再次提醒：{{amountDue}}。{{paymentLink}}' } },
              callHours: { start: '10:00', end: '12:00' },
              leadOffer: 'plan',
            },
          ],
        },
      ];
    });

    expect(campaignWithArms(campaign, { wording: 'control' })).toEqual(campaign);
    const armed = campaignWithArms(campaign, { wording: 'warm' });
    expect(armed.script).toEqual({ greeting: expect.objectContaining({ en: 'Hi, it is {{agentName}}. Is {{fullName}} there?' }), leadOffer: 'plan' });
    expect(armed.templates.reminder!.text).toEqual({ en: 'Hi again from {{campaignName}}: {{amountDue}} is open. {{paymentLink}}', 'zh-CN': '{{campaignName}}再次提醒：{{amountDue}}。{{paymentLink}}' });
    expect(campaign.templates.reminder!.text.en).toMatch(/^Reminder from/);
    expect(armed.callHours).toEqual({ start: '10:00', end: '12:00' });
    expect(armed.disclosures).toEqual(campaign.disclosures);
  });
});
