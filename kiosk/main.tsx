// Entry: /kiosk/ is the touchscreen kiosk; /kiosk/?ticket=<id> is a ticket's status page
// (the QR target, opened on a phone). ?idle=<seconds> sets the kiosk's idle reset;
// ?device=<token> binds the kiosk to its device (its own printer).
import { render } from 'preact';
import { effect } from '@preact/signals';
import { lang } from '../ui/i18n.ts';
import { connectKiosk } from './hall.ts';
import { kioskDeviceToken } from './device.ts';
import { setDeviceToken } from './flow.ts';
import { Kiosk, startIdleReset } from './Kiosk.tsx';
import { StatusPage, watchTicket } from './StatusPage.tsx';

const search = new URLSearchParams(location.search);
const ticketId = search.get('ticket');
const root = document.getElementById('app')!;

effect(() => { document.documentElement.lang = lang.value; });

if (ticketId) {
  document.body.classList.add('phone');
  watchTicket(ticketId);
  render(<StatusPage />, root);
} else {
  // A kiosk has no mouse: no context menu on a long press, no accidental zoom or selection (a
  // pinch would stay zoomed for the next customer). The status page on phones keeps its zoom.
  addEventListener('contextmenu', (e) => e.preventDefault());
  document.querySelector('meta[name=viewport]')?.setAttribute('content', 'width=device-width, initial-scale=1, user-scalable=no');
  setDeviceToken(kioskDeviceToken(search));
  connectKiosk();
  startIdleReset(search);
  render(<Kiosk />, root);
}
