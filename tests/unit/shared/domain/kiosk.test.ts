import { describe, expect, it } from 'vitest';
import {
  countdownSeconds,
  DEFAULT_KIOSK_SETTINGS,
  kioskSettingsFrom,
  kioskSettingsSchema,
  parseSelfCheck,
  ticketDay,
  withKioskSettings,
} from '../../../../shared/domain/kiosk.ts';

describe('kiosk settings in the center settings JSON', () => {
  it('falls back to the defaults when nothing or something broken is stored', () => {
    expect(kioskSettingsFrom('{}')).toBe(DEFAULT_KIOSK_SETTINGS);
    expect(kioskSettingsFrom('not json')).toBe(DEFAULT_KIOSK_SETTINGS);
    expect(kioskSettingsFrom(JSON.stringify({ kiosk: { idleSeconds: 1 } }))).toBe(DEFAULT_KIOSK_SETTINGS);
    expect(kioskSettingsSchema.safeParse(DEFAULT_KIOSK_SETTINGS).success).toBe(true);
  });
  it('replaces the kiosk entry and keeps the others', () => {
    const json = withKioskSettings(JSON.stringify({ accounts: { x: 1 } }), {
      ...DEFAULT_KIOSK_SETTINGS,
      idleSeconds: 45,
    });
    expect(JSON.parse(json)).toMatchObject({ accounts: { x: 1 }, kiosk: { idleSeconds: 45 } });
    expect(kioskSettingsFrom(json).idleSeconds).toBe(45);
  });
  it('gives a countdown proportionate to the idle time, at most 15 seconds', () => {
    expect(countdownSeconds(90)).toBe(15);
    expect(countdownSeconds(30)).toBe(10);
    expect(countdownSeconds(5)).toBe(2);
  });
});

describe('tickets', () => {
  it("counts days in Korea's time", () => {
    expect(ticketDay(new Date('2026-11-02T14:59:59Z'))).toBe('2026-11-02');
    expect(ticketDay(new Date('2026-11-02T15:00:00Z'))).toBe('2026-11-03');
  });
  it('reads stored self-check answers and ignores anything else', () => {
    const answers = { searchActivities4w: '0', startWish: 'undecided', willToWork: 3 };
    expect(parseSelfCheck(JSON.stringify(answers))).toEqual(answers);
    expect(parseSelfCheck('{"willToWork":9}')).toBeNull();
    expect(parseSelfCheck('x')).toBeNull();
    expect(parseSelfCheck(null)).toBeNull();
  });
});
