// A kiosk PC registered as a device (administration → devices → token) opens the kiosk once
// with ?device=<token>: the token is kept in this browser and sent with every ticket, so the
// ticket prints on that kiosk's own printer (its agent) and the anonymous rate limit does not
// apply. ?device= with no value forgets it.
const KEY = 'talon.kiosk.device';

export function kioskDeviceToken(search: URLSearchParams): string | null {
  if (search.has('device')) {
    const given = search.get('device');
    if (given) localStorage.setItem(KEY, given);
    else localStorage.removeItem(KEY);
    // Out of the address bar and the browser history.
    search.delete('device');
    const rest = search.toString();
    history.replaceState(null, '', location.pathname + (rest ? `?${rest}` : ''));
  }
  return localStorage.getItem(KEY);
}
