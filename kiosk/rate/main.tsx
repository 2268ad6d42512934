// The rating tablet at a window: /kiosk/rate/?counter=<id> (kept in this browser, so a reload
// without it still knows its window; ?device=<token> as on the kiosk). Kiosk mode, no login.
import { render } from 'preact';
import { kioskDeviceToken } from '../device.ts';
import { Rate, start } from './Rate.tsx';

const search = new URLSearchParams(location.search);
const KEY = 'talon.rate.counter';
if (search.get('counter')) localStorage.setItem(KEY, search.get('counter')!);
const counter = Number(localStorage.getItem(KEY)) || null;

// A tablet has no mouse: no context menu on a long press.
addEventListener('contextmenu', (e) => e.preventDefault());
start(counter, kioskDeviceToken(search));
render(<Rate />, document.getElementById('app')!);
