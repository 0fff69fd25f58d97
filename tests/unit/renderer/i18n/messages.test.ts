import i18next from 'i18next';
import { describe, expect, it } from 'vitest';
import { rule } from '../../../../shared/contract/messages.ts';
import employersEn from '../../../../renderer/src/i18n/employers.en.json' with { type: 'json' };
import employersKo from '../../../../renderer/src/i18n/employers.ko.json' with { type: 'json' };
import formsEn from '../../../../renderer/src/i18n/forms.en.json' with { type: 'json' };
import formsKo from '../../../../renderer/src/i18n/forms.ko.json' with { type: 'json' };
import { ruleText } from '../../../../renderer/src/i18n/messages.ts';

// The renderer's half of issue 15 item 8: a rule message becomes a sentence with its figures and the
// field's label, in Korean and in English, through i18next's missing-key hook as the app sets it up.

async function instance(lng: 'ko' | 'en') {
  const i18n = i18next.createInstance();
  await i18n.init({
    resources: {
      ko: { translation: { ...employersKo, ...formsKo, employers: employersKo.employers } },
      en: { translation: { ...employersEn, ...formsEn, employers: employersEn.employers } },
    },
    lng,
    interpolation: { escapeValue: false },
    parseMissingKeyHandler: (key: string) => ruleText(i18n, key),
  });
  return i18n;
}

describe('rule messages on screen', () => {
  it('names the field and the range of a birth year (ko, en)', async () => {
    const message = rule('validation.yearRange', { min: 1900, max: 2026, field: 'birthYear' });
    expect((await instance('ko')).t(message)).toBe('출생연도: 1900년부터 2026년 사이의 연도를 입력하세요.');
    expect((await instance('en')).t(message)).toBe('Birth year: Enter a year from 1900 to 2026.');
  });

  it('says the limit of a too-long note', async () => {
    const message = rule('validation.tooLongMax', { max: 2000, field: 'note' });
    expect((await instance('ko')).t(message)).toBe('메모: 2000자 이내로 입력하세요.');
  });

  it('keeps an area key and its own text, with the field in front', async () => {
    const message = rule('employers.validation.businessNoFormat', { digits: 10, field: 'businessNo' });
    expect((await instance('en')).t(message)).toBe(
      'Business number: A business number has ten digits (e.g. 123-45-67891).',
    );
  });

  it('leaves plain keys and unknown messages alone', async () => {
    const i18n = await instance('ko');
    expect(i18n.t('forms.field.name')).toBe('이름');
    expect(i18n.t('no.such|x=1')).toBe('no.such|x=1');
  });
});
