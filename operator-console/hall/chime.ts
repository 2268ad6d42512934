// A soft two-note chime for a new alert, made with Web Audio (no sound file to ship). Off by
// default; the choice belongs to the supervisor's PC (its speaker, like the language), so it is
// kept in this browser's localStorage, not in the hall's settings.
import { signal } from '@preact/signals';

const KEY = 'talon.console.hall.sound';

export const soundOn = signal(localStorage.getItem(KEY) === 'on');
/** Chimes played since the page loaded (shown on the alert list for tests and for the curious). */
export const chimes = signal(0);

let ctx: AudioContext | null = null;

function audio(): AudioContext | null {
  try {
    ctx ??= new AudioContext();
    if (ctx.state === 'suspended') void ctx.resume();
    return ctx;
  } catch { return null; }
}

// A browser starts audio only after a gesture: a page reloaded with sound on resumes at the first click.
if (soundOn.value) addEventListener('pointerdown', () => audio(), { once: true });

export function setSound(on: boolean) {
  soundOn.value = on;
  localStorage.setItem(KEY, on ? 'on' : 'off');
  if (on) { audio(); chime(); } // the click that turns it on plays it once, so the volume can be checked
}

export function chime() {
  chimes.value++;
  const a = audio();
  if (!a) return;
  const t0 = a.currentTime + 0.02;
  for (const [i, freq] of [659.25, 523.25].entries()) {
    const osc = a.createOscillator();
    const gain = a.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    const start = t0 + i * 0.28;
    gain.gain.setValueAtTime(0, start);
    gain.gain.linearRampToValueAtTime(0.12, start + 0.03);
    gain.gain.exponentialRampToValueAtTime(0.001, start + 0.6);
    osc.connect(gain).connect(a.destination);
    osc.start(start);
    osc.stop(start + 0.65);
  }
}
