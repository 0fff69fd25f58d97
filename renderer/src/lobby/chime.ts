// The display's chime: two soft tones (딩동) made with Web Audio, so no sound file ships and nothing
// is fetched. Electron's kiosk window allows audio without a tap (autoplayPolicy in security.ts); a
// browser may keep it silent until the page was clicked once, which the display survives quietly.

let context: AudioContext | null = null;

export function chime(): void {
  try {
    context ??= new AudioContext();
    const ctx = context;
    void ctx.resume();
    const tone = (freq: number, start: number) => {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = freq;
      const t0 = ctx.currentTime + start;
      gain.gain.setValueAtTime(0.0001, t0);
      gain.gain.exponentialRampToValueAtTime(0.4, t0 + 0.03);
      gain.gain.exponentialRampToValueAtTime(0.0001, t0 + 0.9);
      osc.connect(gain).connect(ctx.destination);
      osc.start(t0);
      osc.stop(t0 + 1);
    };
    tone(880, 0);
    tone(659, 0.45);
  } catch {
    // No audio device: the display still shows the call.
  }
}

/** 로 or 으로 after a Korean word (창구로, 상담실로, 3번 창구로; 접수처로 …), by its last syllable. */
export function roParticle(word: string): string {
  const last = word.trim().at(-1);
  if (!last) return '로';
  const code = last.charCodeAt(0) - 0xac00;
  if (code < 0 || code > 11171) return '로';
  const final = code % 28;
  return final === 0 || final === 8 ? '로' : '으로';
}
