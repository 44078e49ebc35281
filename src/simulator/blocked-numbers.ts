import type { BlockReason, BlockedNumber } from './options';
import { matchesNumberPattern } from './phone-numbers';

export function blockReasonOf(blocked: readonly BlockedNumber[], phone: string): BlockReason | undefined {
  return blocked.find((entry) => matchesNumberPattern(entry.phone, phone))?.reason;
}
