import keco from '../../resources/reference/keco.json' with { type: 'json' };
import regions from '../../resources/reference/regions.json' with { type: 'json' };

// Typed access to the reference tables of resources/reference (regions, KECO occupations), shared by
// the renderer's pickers, the demo generator and (later) matching. Labels come in both languages.

export type Lang = 'ko' | 'en';

export interface Labeled {
  code: string;
  ko: string;
  en: string;
}

export interface Sido extends Labeled {
  short: string;
  sigungu: Labeled[];
}

export interface Occupation extends Labeled {
  middle: string;
  easy?: 'care' | 'security-cleaning' | 'simple-manufacturing';
  uniformConditions?: boolean;
}

export const SIDO: readonly Sido[] = regions.sido;
export const KECO_MIDDLE: readonly (Labeled & { major: string })[] = keco.middle;
export const OCCUPATIONS: readonly Occupation[] = keco.occupations as Occupation[];

const sidoByCode = new Map(SIDO.map((s) => [s.code, s]));
const sigunguByCode = new Map(SIDO.flatMap((s) => s.sigungu.map((g) => [g.code, g] as const)));
const occupationByCode = new Map<string, Labeled>([
  ...KECO_MIDDLE.map((m) => [m.code, m] as const),
  ...OCCUPATIONS.map((o) => [o.code, o] as const),
]);

export function sidoLabel(code: string, lang: Lang): string {
  return sidoByCode.get(code)?.[lang] ?? code;
}

export function sigunguOf(sidoCode: string): readonly Labeled[] {
  return sidoByCode.get(sidoCode)?.sigungu ?? [];
}

export function regionLabel(sido: string, sigungu: string | null, lang: Lang): string {
  const s = sidoByCode.get(sido);
  const g = sigungu ? sigunguByCode.get(sigungu) : undefined;
  const sidoText = s ? (lang === 'ko' ? s.short : s.en) : sido;
  return g ? `${sidoText} ${g[lang]}` : sidoText;
}

export function occupationLabel(code: string | null, lang: Lang): string {
  if (!code) return '';
  return occupationByCode.get(code)?.[lang] ?? code;
}

export function isKnownSido(code: string): boolean {
  return sidoByCode.has(code);
}

export function isKnownOccupation(code: string): boolean {
  return occupationByCode.has(code);
}
