import { z } from 'zod';
import {
  SEARCH_ACTIVITIES_OPTIONS,
  START_WISH_OPTIONS,
  WILL_TO_WORK_OPTIONS,
} from '../profiling/validate.ts';
import type { JobseekerChecklist } from '../profiling/jobseeker.ts';
import { isKoreanPhone, phoneDigits } from './phone.ts';

// The lobby kiosk and the visitor queue (domain.md §8): the center's kiosk settings (kept in the
// `centers.settings` JSON under the `kiosk` key, validated here in main and in the admin form), the
// visitor's self-check answers, and the ticket's day (numbers restart every day per center).

export const KIOSK_LANGUAGES = ['ko', 'en'] as const;
export type KioskLanguage = (typeof KIOSK_LANGUAGES)[number];

/** Idle seconds before the "are you still here?" countdown; spec default 90. */
export const DEFAULT_IDLE_SECONDS = 90;
export const MIN_IDLE_SECONDS = 5;
export const MAX_IDLE_SECONDS = 600;
/** A floor-guide image is a data URL kept in the settings JSON: small, and raster formats only. */
export const MAX_FLOOR_IMAGE_CHARS = 600_000;
export const FLOOR_IMAGE_PATTERN = /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/]+=*$/;
/** The version of the ticket's consent notice, stored with every ticket that carries personal data. */
export const KIOSK_CONSENT_VERSION = 'kiosk-ticket-2026-1';

/** How long the "I'm still here" countdown lasts, for a given idle setting. */
export function countdownSeconds(idleSeconds: number): number {
  return Math.min(15, Math.max(2, Math.floor(idleSeconds / 3)));
}

const text = (max: number) => z.string().trim().max(max, 'validation.tooLong');
const localized = (max: number) => z.object({ ko: text(max), en: text(max) }).strict();
const requiredLocalized = (max: number) =>
  z
    .object({
      ko: text(max).min(1, 'validation.required'),
      en: text(max).min(1, 'validation.required'),
    })
    .strict();
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,31}$/, 'settings.invalidId');

export const counterSchema = z
  .object({
    id: slug,
    /** What the visitor reads on the ticket and above the counter: "3번 창구". */
    label: requiredLocalized(40),
    /** Where it is: "1층 왼쪽, 취업지원팀". */
    location: localized(80),
  })
  .strict();
export type Counter = z.infer<typeof counterSchema>;

export const serviceSchema = z
  .object({
    id: slug,
    name: requiredLocalized(60),
    /** Plain words: what the visitor can do there. */
    description: localized(200),
    counterId: slug,
    /** Offer the job-readiness self-check when a visitor takes a ticket for this service. */
    selfCheck: z.boolean(),
  })
  .strict();
export type KioskService = z.infer<typeof serviceSchema>;

export const kioskSettingsSchema = z
  .object({
    counters: z.array(counterSchema).min(1, 'settings.needCounter').max(30, 'validation.tooLong'),
    services: z.array(serviceSchema).min(1, 'settings.needService').max(30, 'validation.tooLong'),
    floorGuide: z
      .object({
        text: localized(2000),
        image: z
          .string()
          .max(MAX_FLOOR_IMAGE_CHARS, 'settings.imageTooLarge')
          .regex(FLOOR_IMAGE_PATTERN, 'settings.imageFormat')
          .nullable(),
      })
      .strict(),
    idleSeconds: z
      .number()
      .int('settings.idleSeconds')
      .min(MIN_IDLE_SECONDS, 'settings.idleSeconds')
      .max(MAX_IDLE_SECONDS, 'settings.idleSeconds'),
    texts: z
      .object({
        /** Replaces the welcome heading when not empty. */
        welcome: localized(80),
        /** A notice on the welcome screen (opening hours, lunch break…); empty for none. */
        notice: localized(300),
        /** Replaces the standard consent notice of the ticket when not empty. */
        consent: localized(1000),
      })
      .strict(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const counterIds = new Set<string>();
    s.counters.forEach((c, i) => {
      if (counterIds.has(c.id))
        ctx.addIssue({ code: 'custom', path: ['counters', i, 'id'], message: 'settings.duplicateId' });
      counterIds.add(c.id);
    });
    const serviceIds = new Set<string>();
    s.services.forEach((svc, i) => {
      if (serviceIds.has(svc.id))
        ctx.addIssue({ code: 'custom', path: ['services', i, 'id'], message: 'settings.duplicateId' });
      serviceIds.add(svc.id);
      if (!counterIds.has(svc.counterId))
        ctx.addIssue({
          code: 'custom',
          path: ['services', i, 'counterId'],
          message: 'settings.unknownCounter',
        });
    });
  });
export type KioskSettings = z.infer<typeof kioskSettingsSchema>;

const l = (ko: string, en: string) => ({ ko, en });

/** What a center gets before its admin has saved anything: the usual counters of a 고용센터. */
export const DEFAULT_KIOSK_SETTINGS: KioskSettings = {
  counters: [
    {
      id: 'c1',
      label: l('1번 창구', 'Counter 1'),
      location: l('1층 취업지원팀', '1st floor, Job Support Team'),
    },
    {
      id: 'c2',
      label: l('2번 창구', 'Counter 2'),
      location: l('1층 실업급여팀', '1st floor, Benefits Team'),
    },
    {
      id: 'c3',
      label: l('3번 창구', 'Counter 3'),
      location: l('2층 국민취업지원제도팀', '2nd floor, Employment Support Program Team'),
    },
    {
      id: 'c4',
      label: l('4번 창구', 'Counter 4'),
      location: l('2층 직업능력개발팀', '2nd floor, Skills Development Team'),
    },
    {
      id: 'c5',
      label: l('5번 창구', 'Counter 5'),
      location: l('3층 기업지원팀', '3rd floor, Employer Support Team'),
    },
  ],
  services: [
    {
      id: 'job-search',
      name: l('일자리 찾기·취업 상담', 'Finding a job, job counseling'),
      description: l(
        '구직 등록, 일자리 소개, 이력서 도움을 받을 수 있어요.',
        'Register as a jobseeker, get job offers and help with your CV.',
      ),
      counterId: 'c1',
      selfCheck: true,
    },
    {
      id: 'unemployment-benefit',
      name: l('실업급여', 'Unemployment benefit'),
      description: l(
        '실업급여 신청, 실업 인정, 수급 문의를 도와드려요.',
        'Apply for unemployment benefit or report your job search.',
      ),
      counterId: 'c2',
      selfCheck: false,
    },
    {
      id: 'employment-support',
      name: l('국민취업지원제도', 'National Employment Support Program'),
      description: l(
        '취업 지원 서비스와 구직촉진수당 신청·상담을 해요.',
        'Job support services and job-seeking allowance.',
      ),
      counterId: 'c3',
      selfCheck: true,
    },
    {
      id: 'training',
      name: l('직업훈련(국민내일배움카드)', 'Job training (learning card)'),
      description: l(
        '훈련 과정 안내와 국민내일배움카드 발급을 도와드려요.',
        'Training courses and the national learning card.',
      ),
      counterId: 'c4',
      selfCheck: false,
    },
    {
      id: 'parental-leave',
      name: l('출산·육아휴직 급여', 'Maternity and parental leave benefits'),
      description: l(
        '출산전후휴가 급여와 육아휴직 급여를 신청해요.',
        'Apply for maternity or parental leave benefits.',
      ),
      counterId: 'c2',
      selfCheck: false,
    },
    {
      id: 'employer',
      name: l('기업 지원(구인·장려금)', 'For employers (hiring, subsidies)'),
      description: l(
        '구인 신청과 고용장려금 상담을 해요.',
        'Post a job opening or ask about hiring subsidies.',
      ),
      counterId: 'c5',
      selfCheck: false,
    },
  ],
  floorGuide: {
    text: l(
      '1층: 안내데스크, 1번·2번 창구(취업지원, 실업급여), 화장실\n2층: 3번·4번 창구(국민취업지원제도, 직업훈련), 집단상담실\n3층: 5번 창구(기업지원), 교육장\n엘리베이터는 안내데스크 오른쪽에 있습니다.',
      '1st floor: information desk, counters 1 and 2 (jobs, unemployment benefit), restrooms\n2nd floor: counters 3 and 4 (employment support program, training), group counseling room\n3rd floor: counter 5 (employers), training room\nThe lift is to the right of the information desk.',
    ),
    image: null,
  },
  idleSeconds: DEFAULT_IDLE_SECONDS,
  texts: { welcome: l('', ''), notice: l('', ''), consent: l('', '') },
};

/**
 * The center's kiosk settings from its `settings` JSON: what was saved if it is valid, the defaults
 * otherwise (a broken or missing entry must never take the lobby screen down).
 */
export function kioskSettingsFrom(settingsJson: string | null | undefined): KioskSettings {
  if (!settingsJson) return DEFAULT_KIOSK_SETTINGS;
  let parsed: unknown;
  try {
    parsed = JSON.parse(settingsJson);
  } catch {
    return DEFAULT_KIOSK_SETTINGS;
  }
  const kiosk = (parsed as { kiosk?: unknown } | null)?.kiosk;
  const result = kioskSettingsSchema.safeParse(kiosk);
  return result.success ? result.data : DEFAULT_KIOSK_SETTINGS;
}

/** The settings JSON with the kiosk entry replaced; other entries (accounts, devices…) are kept. */
export function withKioskSettings(settingsJson: string | null | undefined, kiosk: KioskSettings): string {
  let base: Record<string, unknown> = {};
  try {
    const parsed: unknown = JSON.parse(settingsJson ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
      base = parsed as Record<string, unknown>;
  } catch {
    base = {};
  }
  return JSON.stringify({ ...base, kiosk });
}

// ---- The visitor's self-check: the motivation items of the intake checklist ----

export type SelfCheckAnswers = Pick<JobseekerChecklist, 'searchActivities4w' | 'startWish' | 'willToWork'>;
export const SELF_CHECK_ITEMS = ['searchActivities4w', 'startWish', 'willToWork'] as const;

export const selfCheckSchema = z
  .object({
    searchActivities4w: z.enum(SEARCH_ACTIVITIES_OPTIONS),
    startWish: z.enum(START_WISH_OPTIONS),
    willToWork: z.literal(WILL_TO_WORK_OPTIONS),
  })
  .strict() satisfies z.ZodType<SelfCheckAnswers>;

/** Stored self-check JSON back to answers; anything unreadable is treated as no answers. */
export function parseSelfCheck(json: string | null): SelfCheckAnswers | null {
  if (!json) return null;
  try {
    const result = selfCheckSchema.safeParse(JSON.parse(json));
    return result.success ? result.data : null;
  } catch {
    return null;
  }
}

// ---- Tickets ----

/** Korean centers count their day in Korea's time, whatever the PC's clock zone says. */
export function ticketDay(at: Date): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Seoul',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}

export const visitorNameSchema = z.string().trim().max(30, 'validation.tooLong');
export const visitorPhoneSchema = z
  .string()
  .trim()
  .max(20, 'validation.phone')
  .refine((v) => v === '' || isKoreanPhone(v), 'validation.phone')
  .transform((v) => (v === '' ? null : phoneDigits(v)));

export const CHECKIN_STATUSES = ['waiting', 'called', 'done', 'left'] as const;
export type CheckinStatus = (typeof CHECKIN_STATUSES)[number];
export const CHECKIN_EVENT_KINDS = ['issued', 'called', 'redirected', 'done', 'left', 'linked'] as const;
export type CheckinEventKind = (typeof CHECKIN_EVENT_KINDS)[number];
