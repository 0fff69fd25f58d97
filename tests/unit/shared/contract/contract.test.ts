import { describe, expect, it } from 'vitest';
import {
  channelNames,
  contract,
  deskChannelNames,
  kioskChannelNames,
} from '../../../../shared/contract/index.ts';

describe('the contract', () => {
  it('names every channel domain:action', () => {
    for (const name of channelNames) expect(name).toMatch(/^[a-z]+:[a-zA-Z]+$/);
  });

  it('splits channels between the desk and the kiosk with nothing shared or left over', () => {
    expect([...deskChannelNames, ...kioskChannelNames].sort()).toEqual([...channelNames].sort());
    expect(deskChannelNames.filter((n) => (kioskChannelNames as string[]).includes(n))).toEqual([]);
  });

  it('exposes only kiosk-access channels to the kiosk, and none of them reads cases', () => {
    for (const name of kioskChannelNames) {
      expect(contract[name].access).toBe('kiosk');
      expect(name.startsWith('kiosk:')).toBe(true);
    }
  });

  it('never lets a desk channel be called from the kiosk access level', () => {
    for (const name of deskChannelNames) expect(contract[name].access).not.toBe('kiosk');
  });

  it('requires a case staff session for every case channel (bulk actions are for supervisors)', () => {
    for (const name of channelNames.filter((n) => n.startsWith('jobseekers:'))) {
      const access = contract[name].access;
      const expected = name.startsWith('jobseekers:bulk') ? ['supervisor'] : ['counselor', 'supervisor'];
      expect(access, name).toEqual(expected);
    }
  });

  it('refuses unknown input fields on every channel (strict schemas)', () => {
    for (const name of channelNames) {
      const result = contract[name].input.safeParse({ unexpectedField: 1 });
      expect(result.success, name).toBe(false);
    }
  });
});
