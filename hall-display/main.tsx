// The hall display board: configuration from the URL and the administration's settings, the live
// hall state over the websocket (resync by seq, reload on upgrade), blink timing and the
// announcements.
import { options as preactOptions, render } from 'preact';
import { computed, signal } from '@preact/signals';
import type { HallEvent, PublicSettings, ServiceView, Snapshot } from '../server/protocol';
import { api } from '../ui/api';
import { connectHall } from '../ui/hall-socket';
import { lang } from '../ui/i18n';
import { createAnnouncer } from './announcer';
import { Board } from './Board';
import { applyEvent, applySnapshot, emptyBoard, endBlinks, type BoardOptions, type Step } from './board-state';
import { boardName, DEFAULT_ROWS, parseConfig, type BoardConfig, type Orientation } from './config';
import { hallSound, warmUpVoices } from './sound';

// A `next` sends two events ("finished", then "called"), and the page may get them a few
// milliseconds apart. Rendering after each would draw two frames, each costing the whole
// pipeline; rendering at the start of the next frame draws whatever arrived before it, once. A
// page that draws no frames (hidden) still renders, a little later.
preactOptions.debounceRendering = (render) => {
  requestAnimationFrame(render);
  setTimeout(render, 100); // nothing left to do by then when the frame came first
};

const name = boardName(location.search);
const config = signal(parseConfig(location.search));
const options = (c: BoardConfig): BoardOptions => ({ counters: c.counters, blinkMs: c.blinkMs, maxCalls: 24 });

const state = signal(emptyBoard());
const online = signal(false);
// The clock shows minutes: the signal changes once a minute, so the board re-renders once a minute.
const minute = signal(Math.floor(Date.now() / 60_000));
const viewport = signal({ w: innerWidth, h: innerHeight });
const orientation = computed<Orientation>(() => config.value.orientation ?? (viewport.value.w >= viewport.value.h ? 'landscape' : 'portrait'));

const soundOptions = (c: BoardConfig) => ({ sound: c.sound, voice: c.voice, volume: c.volume, langs: c.voiceLangs });
const announcing = soundOptions(config.value); // the announcer reads it on every call
const announcer = createAnnouncer(hallSound, announcing);
lang.value = config.value.lang;
warmUpVoices();

/** This board's settings from the administration, applied with the first snapshot (before its
 * calls are filtered). When they change later, the board starts again with them. */
let appliedProfile: string | null = null;
function applyProfile(settings: PublicSettings) {
  const profile = (name && settings.boards?.[name]) || {};
  const key = JSON.stringify(profile);
  if (appliedProfile === null) {
    appliedProfile = key;
    config.value = parseConfig(location.search, profile);
    Object.assign(announcing, soundOptions(config.value));
    lang.value = config.value.lang;
  } else if (key !== appliedProfile) location.reload();
}

// The flash: while a row blinks, one timer flips the phase twice a second (1 Hz) and ends the
// blinks that are due. A blink therefore ends on a flip (up to half a second after its period),
// and the flip and the end are drawn in one frame instead of two. No timer runs otherwise. The
// phase is rendered like the rest, so a change and a flip in one turn make one frame.
const dimmed = signal(false);
let flashTimer: ReturnType<typeof setInterval> | undefined;
function flashTick() {
  state.value = endBlinks(state.value, Date.now());
  if (state.value.calls.some((c) => c.blinking)) dimmed.value = !dimmed.value;
  else stopFlash();
}
function stopFlash() {
  clearInterval(flashTimer);
  flashTimer = undefined;
  dimmed.value = false;
}
/** After a change. A new call is drawn at full brightness: if the rows are in their dim phase,
 * they all light up with it (the rhythm goes on; the next flip dims them again). */
function updateFlash(newCall: boolean) {
  const blinking = state.value.calls.some((c) => c.blinking);
  if (blinking && !flashTimer) flashTimer = setInterval(flashTick, 500);
  else if (!blinking && flashTimer) stopFlash();
  if (newCall) dimmed.value = false;
}

/** Runs `fn` once the next frame is painted (or after 100 ms when the page draws no frames). */
function afterPaint(fn: () => void) {
  let done = false;
  const run = () => { if (!done) { done = true; fn(); } };
  requestAnimationFrame(() => setTimeout(run, 0));
  setTimeout(run, 100);
}

function commit(step: Step) {
  state.value = step.state;
  updateFlash(step.announce.length > 0);
  // The number first, then the sound: starting the chime must not hold up the frame that shows it.
  if (step.announce.length) {
    afterPaint(() => {
      for (const c of step.announce) announcer.announce({ key: String(c.ticketId), ticket: c.number, counter: c.counterName });
    });
  }
}

async function refetchServices() {
  try {
    const services = await api<ServiceView[]>('GET', '/api/services');
    state.value = { ...state.value, services };
  } catch {
    // The next snapshot brings them.
  }
}

connectHall({
  onSnapshot: (s: Snapshot) => {
    applyProfile(s.settings);
    commit(applySnapshot(state.value, s, Date.now(), options(config.value)));
  },
  onEvent: (e: HallEvent) => {
    if (e.type === 'settings.changed') applyProfile(e.settings);
    commit(applyEvent(state.value, e, Date.now(), options(config.value)));
    if (e.type === 'services.changed') void refetchServices();
  },
  onStatus: (v) => { online.value = v; },
}, { maxDelayMs: 2000 }); // a board on the wall comes back quickly; one attempt every 2 s costs nothing

setInterval(() => { minute.value = Math.floor(Date.now() / 60_000); }, 1000);
addEventListener('resize', () => { viewport.value = { w: innerWidth, h: innerHeight }; });

function App() {
  const o = orientation.value;
  const v = viewport.value;
  return (
    <Board
      state={state.value}
      online={online.value}
      orientation={o}
      rows={config.value.rows ?? DEFAULT_ROWS[o]}
      now={minute.value * 60_000}
      fitKey={`${v.w}x${v.h}`}
      dimmed={dimmed.value}
    />
  );
}

render(<App />, document.getElementById('app')!);
