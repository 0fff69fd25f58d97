import { businessNumberCheckDigit } from '../../../shared/domain/business-number.ts';
import type { Rng } from './random.ts';

/** A made-up business number with a valid check digit (stored as digits). */
export function makeBusinessNumber(rng: Rng): string {
  const office = String(rng.int(101, 899));
  const kind = String(rng.pick([81, 86, 87, 88]));
  const serial = String(rng.int(0, 9999)).padStart(4, '0');
  const first9 = office + kind + serial;
  return first9 + String(businessNumberCheckDigit(first9));
}
