import type { Rng } from './random.ts';

// Korean surnames with their approximate share of the population (2015 census, top 30), and given-name
// syllables common in names of people born 1960–2005. Made-up combinations, no real people.

export const SURNAMES: ReadonlyArray<readonly [string, number]> = [
  ['김', 21.5],
  ['이', 14.7],
  ['박', 8.4],
  ['최', 4.7],
  ['정', 4.3],
  ['강', 2.4],
  ['조', 2.1],
  ['윤', 2.1],
  ['장', 2.0],
  ['임', 1.7],
  ['한', 1.5],
  ['오', 1.5],
  ['서', 1.5],
  ['신', 1.4],
  ['권', 1.4],
  ['황', 1.4],
  ['안', 1.3],
  ['송', 1.3],
  ['전', 1.1],
  ['홍', 1.1],
  ['유', 1.1],
  ['고', 0.9],
  ['문', 0.9],
  ['양', 0.9],
  ['손', 0.9],
  ['배', 0.8],
  ['백', 0.8],
  ['허', 0.6],
  ['남', 0.5],
  ['노', 0.5],
];

export const GIVEN_FEMALE = [
  '서연',
  '지우',
  '서윤',
  '민서',
  '하은',
  '지민',
  '수빈',
  '지현',
  '유진',
  '은지',
  '혜진',
  '수진',
  '지영',
  '미영',
  '은영',
  '현정',
  '소연',
  '예은',
  '다은',
  '채원',
  '지은',
  '민지',
  '가은',
  '윤서',
  '수아',
  '하윤',
  '정희',
  '영숙',
  '미경',
  '경희',
  '순자',
  '옥순',
  '선영',
  '보람',
  '아름',
  '나연',
];

export const GIVEN_MALE = [
  '민준',
  '서준',
  '도윤',
  '예준',
  '시우',
  '주원',
  '하준',
  '지호',
  '준서',
  '현우',
  '성민',
  '동현',
  '지훈',
  '준영',
  '상훈',
  '성호',
  '영수',
  '정호',
  '민수',
  '재현',
  '승민',
  '태현',
  '건우',
  '우진',
  '동욱',
  '영철',
  '광수',
  '병철',
  '진우',
  '성진',
  '준혁',
  '재훈',
  '현준',
  '태윤',
  '민재',
  '경수',
];

export const COMPANY_PREFIXES = [
  '한빛',
  '대한',
  '미래',
  '새솔',
  '푸른',
  '동양',
  '신성',
  '세진',
  '우리',
  '한결',
  '드림',
  '제일',
  '성원',
  '보람',
  '청솔',
  '다온',
  '해오름',
  '누리',
  '가온',
  '한울',
];

export const COMPANY_SUFFIXES: Record<string, string[]> = {
  C: ['정밀', '산업', '테크', '전자', '식품', '화학', '금속'],
  F: ['건설', '종합건설', '토건'],
  G: ['유통', '상사', '마트'],
  H: ['물류', '운수', '택배'],
  I: ['푸드', '레스토랑', '호텔'],
  J: ['소프트', '시스템즈', '데이터'],
  N: ['시설관리', '경비', '클린서비스'],
  Q: ['요양원', '재가복지센터', '의원', '돌봄센터'],
};

/** A Korean name: a surname by how common it is, a given name of the gender (either when unknown). */
export function personName(rng: Rng, gender: 'female' | 'male' | 'other' | null): string {
  const given =
    gender === 'male'
      ? GIVEN_MALE
      : gender === 'female'
        ? GIVEN_FEMALE
        : rng.chance(0.5)
          ? GIVEN_MALE
          : GIVEN_FEMALE;
  return rng.weighted(SURNAMES) + rng.pick(given);
}
