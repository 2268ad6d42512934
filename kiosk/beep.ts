// Audible confirmation: a short, soft tone (two low ones for a problem). Web Audio needs no
// sound files and works offline; the context is created on the first tap, as browsers require.
let ctx: AudioContext | undefined;

function tone(freq: number, startSec: number, durSec: number) {
  ctx ??= new AudioContext();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  const t0 = ctx.currentTime + startSec;
  osc.frequency.value = freq;
  gain.gain.setValueAtTime(0.0001, t0);
  gain.gain.exponentialRampToValueAtTime(0.3, t0 + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, t0 + durSec);
  osc.connect(gain).connect(ctx.destination);
  osc.start(t0);
  osc.stop(t0 + durSec + 0.02);
}

export function beep(kind: 'ok' | 'problem' = 'ok') {
  try {
    if (kind === 'ok') tone(880, 0, 0.15);
    else { tone(440, 0, 0.15); tone(440, 0.25, 0.15); }
  } catch { /* no audio device: the screen still confirms */ }
}
