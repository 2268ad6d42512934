// Returns the kiosk to its start screen after a quiet spell: any touch or key re-arms the timer,
// and so does every change of screen (each screen says how long it may stay).
export function idleReset(timeoutMs: () => number, onIdle: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(onIdle, timeoutMs());
  };
  for (const type of ['pointerdown', 'keydown']) addEventListener(type, arm, { capture: true, passive: true });
  return arm;
}
