// The board's audible outputs: a chime generated with Web Audio (no sound files to ship) and
// speech through the browser's voice for the language, or, when it has none, the server's
// espeak-ng audio (GET /api/announce.wav).
import type { AnnounceLang } from '../ui/announce-text';
import type { AnnouncerOutput } from './announcer';

let ctx: AudioContext | null = null;
const CHIME_MS = 1600;

/** Two soft bell tones, a falling fifth ("ding-dong"). */
function chime(volume: number): Promise<void> {
  ctx ??= new AudioContext();
  const audio = ctx;
  void audio.resume();
  const start = audio.currentTime + 0.05;
  for (const [freq, offset] of [[880, 0], [587.33, 0.5]] as const) {
    const t = start + offset;
    const osc = audio.createOscillator();
    const gain = audio.createGain();
    osc.type = 'sine';
    osc.frequency.value = freq;
    gain.gain.setValueAtTime(0.0001, t);
    gain.gain.exponentialRampToValueAtTime(Math.max(0.0002, 0.6 * volume), t + 0.02);
    gain.gain.exponentialRampToValueAtTime(0.0001, t + 1.0);
    osc.connect(gain).connect(audio.destination);
    osc.start(t);
    osc.stop(t + 1.05);
    osc.onended = () => gain.disconnect();
  }
  // Timed, not on `ended`: a context the browser keeps suspended never ends anything. Between
  // chimes the context is suspended, so an idle board spends no CPU on rendering silence.
  return new Promise((r) => setTimeout(() => { void audio.suspend(); r(); }, CHIME_MS));
}

function browserVoice(lang: AnnounceLang): SpeechSynthesisVoice | undefined {
  if (typeof speechSynthesis === 'undefined') return undefined;
  return speechSynthesis.getVoices().find((v) => v.lang.toLowerCase().startsWith(lang));
}

// Kept referenced until it ends: Chromium drops the end event of a collected utterance.
const speaking = new Set<SpeechSynthesisUtterance>();

function speakWithBrowser(voice: SpeechSynthesisVoice, text: string, volume: number): Promise<void> {
  return new Promise((resolve) => {
    const u = new SpeechSynthesisUtterance(text);
    u.voice = voice;
    u.lang = voice.lang;
    u.volume = volume;
    u.rate = 0.9;
    u.onend = u.onerror = () => { speaking.delete(u); resolve(); };
    speaking.add(u);
    speechSynthesis.speak(u);
  });
}

const player = typeof Audio === 'undefined' ? null : new Audio();

function speakWithServer(text: string, lang: AnnounceLang, volume: number): Promise<void> {
  if (!player) return Promise.resolve();
  return new Promise((resolve) => {
    player.onended = player.onerror = () => resolve();
    player.volume = volume;
    player.src = `/api/announce.wav?lang=${lang}&text=${encodeURIComponent(text)}`;
    player.play().catch(() => resolve());
  });
}

export const hallSound: AnnouncerOutput = {
  chime,
  speak(text, lang, volume) {
    const voice = browserVoice(lang);
    return voice ? speakWithBrowser(voice, text, volume) : speakWithServer(text, lang, volume);
  },
};

/** Browsers load voices late; asking once early makes them ready for the first call. */
export function warmUpVoices() {
  if (typeof speechSynthesis !== 'undefined') speechSynthesis.getVoices();
}
