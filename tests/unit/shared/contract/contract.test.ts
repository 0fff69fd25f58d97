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

  it('requires a session for every case channel', () => {
    for (const name of channelNames.filter((n) => n.startsWith('jobseekers:'))) {
      expect(contract[name].access).toEqual(['counselor', 'supervisor']);
    }
  });

  it('refuses unknown input fields on every channel (strict schemas)', () => {
    for (const name of channelNames) {
      const result = contract[name].input.safeParse({ unexpectedField: 1 });
      expect(result.success, name).toBe(false);
    }
  });
});
