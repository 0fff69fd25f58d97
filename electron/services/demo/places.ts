import { OCCUPATIONS, SIDO, type Occupation } from '../../../shared/reference/index.ts';
import type { Rng } from './random.ts';

// Where demo people live and employers sit (mostly the center's own 시·도, often its own 시·군·구), and
// which occupations they name (the easy-to-fill ones four times as often).

export interface DemoPlaces {
  pickRegion: () => { sido: string; sigungu: string | null };
  occupationWeights: ReadonlyArray<readonly [Occupation, number]>;
}

export function demoPlaces(rng: Rng, o: { sido: string; sigungu: string }): DemoPlaces {
  const nearbySido = [o.sido, o.sido, o.sido, o.sido, ...SIDO.map((s) => s.code)];
  const sigunguOf = (sido: string) => SIDO.find((s) => s.code === sido)?.sigungu ?? [];
  const pickRegion = () => {
    const sido = rng.pick(nearbySido);
    const list = sigunguOf(sido);
    return {
      sido,
      sigungu: sido === o.sido && rng.chance(0.6) ? o.sigungu : list.length > 0 ? rng.pick(list).code : null,
    };
  };
  const occupationWeights: ReadonlyArray<readonly [Occupation, number]> = OCCUPATIONS.map((occ) => [
    occ,
    occ.easy ? 4 : 1,
  ]);
  return { pickRegion, occupationWeights };
}
