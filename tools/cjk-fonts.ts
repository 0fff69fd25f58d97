import { spawnSync } from 'node:child_process';
import { CJK_FONT_PACKAGE } from './chromium-plan.ts';

// Chromium draws Korean with whatever fonts fontconfig offers. Tests read the DOM and PDFs' text, so
// they pass without a Korean font; only screenshots (for people to look at) show empty boxes. The
// screenshot tools call this and say so instead of producing unreadable pictures silently.

/** A warning to print when fontconfig knows no font covering Korean, else null. */
export function koreanFontWarning(): string | null {
  const list = spawnSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' });
  if (list.status === 0 && list.stdout.trim() !== '') return null;
  return `no Korean font found (fc-list :lang=ko): Korean text will show as empty boxes in screenshots; install Debian's ${CJK_FONT_PACKAGE} (apt-get install -y ${CJK_FONT_PACKAGE}). Tests do not need it.`;
}
