import type { TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../../../../shared/domain/timeline.ts';
import { clockOf, dayOf, hrefOf, titleOf } from '../../../../renderer/src/timeline/labels.ts';
import ko from '../../../../renderer/src/i18n/timeline.ko.json' with { type: 'json' };
import en from '../../../../renderer/src/i18n/timeline.en.json' with { type: 'json' };

// How an event reads on the timeline: its day and time, where it leads, and its line in words (codes
// turned into the labels other tabs use; a title this version does not know reads as its kind).

const event = (over: Partial<TimelineEvent>): TimelineEvent => ({
  key: 'note:1',
  kind: 'note',
  at: '2026-11-02T01:00:00.000Z',
  title: { key: 'timeline.note.written', values: { kind: 'phone' } },
  actorId: null,
  link: { tab: 'notes', id: 'n1' },
  ...over,
});

/** A stand-in for i18next: known keys from a small table, `{{x}}` filled, `defaultValue` otherwise. */
function fakeT(table: Record<string, string>): TFunction {
  return ((key: string, options?: Record<string, unknown>) => {
    const text = table[key];
    if (text === undefined) return (options?.defaultValue as string | undefined) ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (_m, name: string) =>
      String((options?.[name] as string | number | undefined) ?? ''),
    );
  }) as unknown as TFunction;
}

describe('day and time', () => {
  it('takes a bare day as it is, with no time', () => {
    expect(dayOf('2026-10-25')).toBe('2026-10-25');
    expect(clockOf('2026-10-25')).toBeNull();
  });

  it('gives an instant its day and time on this desktop', () => {
    const d = new Date('2026-11-02T01:05:00.000Z');
    const pad = (n: number) => String(n).padStart(2, '0');
    expect(dayOf(d.toISOString())).toBe(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
    expect(clockOf(d.toISOString())).toBe(`${pad(d.getHours())}:${pad(d.getMinutes())}`);
  });
});

describe('links', () => {
  it("leads to the record's tab with the record, the record tab at the case's own address", () => {
    expect(hrefOf('j1', event({}))).toBe('/jobseekers/j1/notes?record=n1');
    expect(hrefOf('j1', event({ link: { tab: 'record' } }))).toBe('/jobseekers/j1');
    expect(hrefOf('j1', event({ link: null }))).toBeNull();
  });
});

describe('titles', () => {
  const t = fakeT({
    'timeline.note.written': '상담 기록 ({{kind}})',
    'notes.kind_phone': '전화',
    'timeline.kinds.programme': '국민취업지원제도',
    'timeline.assessment.done': '구직자 분류 — {{label}}',
    'jobseekers.type_ready': '준비된 구직자',
    'jobseekers.track_local': '지역 내 알선',
  });

  it('turns codes into the words other tabs use', () => {
    expect(titleOf(t, event({}))).toBe('상담 기록 (전화)');
    expect(
      titleOf(
        t,
        event({
          kind: 'assessment',
          title: { key: 'timeline.assessment.done', values: { type: 'ready', track: 'local' } },
        }),
      ),
    ).toBe('구직자 분류 — 준비된 구직자 · 지역 내 알선');
  });

  it("reads an unknown title as its kind's name", () => {
    expect(titleOf(t, event({ kind: 'programme', title: { key: 'timeline.programme.new' } }))).toBe(
      '국민취업지원제도',
    );
  });
});

describe('the texts', () => {
  it('has the same keys in Korean and English', () => {
    const keys = (tree: object, prefix = ''): string[] =>
      Object.entries(tree).flatMap(([k, v]) =>
        typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`],
      );
    expect(keys(en).sort()).toEqual(keys(ko).sort());
  });
});
