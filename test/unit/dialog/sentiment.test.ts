import { describe, expect, it } from 'vitest';
import { scoreSentiment } from '../../../src/dialog/sentiment';

describe('scoreSentiment', () => {
  it.each<[string, number, number]>([
    ["Thank you so much, that's great", 0.5, 1],
    ['ok', -0.2, 0.2],
    ["This is ridiculous, I'm sick of these calls", -1, -0.5],
    // Upset enough for the default escalation rule (minSentiment -0.5) on its own.
    ["I'm sick and tired of these calls", -1, -0.51],
    ["I'm sick to death of this", -1, -0.51],
    ["I'm fed up with you people", -1, -0.51],
    ['我受够了', -1, -0.51],
    ["I'm not happy about this", -0.5, -0.01],
    ['谢谢，太好了', 0.5, 1],
    ['烦死了，别烦我', -1, -0.5],
    ['麻烦你再说一遍', 0, 0],
    ['不好意思，刚才没听清', 0, 0],
    ['我很不满意', -0.6, -0.4],
  ])('scores "%s" between %s and %s', (text, low, high) => {
    const score = scoreSentiment(text);
    expect(score).toBeGreaterThanOrEqual(low);
    expect(score).toBeLessThanOrEqual(high);
  });

  it.each(['you idiot', 'go to hell', '傻逼', '你他妈的'])('scores abuse "%s" as -1', (text) => {
    expect(scoreSentiment(text)).toBe(-1);
  });

  it('stays within -1..1 however much is said', () => {
    const gushing = 'thanks, great, perfect, wonderful, happy, glad, appreciate it, thank you';
    const furious = 'terrible awful worst ridiculous unfair useless harassment, I hate this, fed up, sick of it';
    expect(scoreSentiment(gushing)).toBe(1);
    expect(scoreSentiment(furious)).toBe(-1);
  });
});
