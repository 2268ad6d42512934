// The staff console (/console/): operators, supervisors and administrators sign in here and see
// the areas their role may open.
import { render } from 'preact';
import { effect } from '@preact/signals';
import { lang } from '../ui/i18n';
import { areas } from './areas';
import { App } from './shell/App';
import { setAreas } from './shell/areas';

// The user's language stays with this PC, across reloads and sign-ins.
const LANG_KEY = 'talon.console.lang';
if (localStorage.getItem(LANG_KEY) === 'en') lang.value = 'en';
effect(() => localStorage.setItem(LANG_KEY, lang.value));

setAreas(areas);
render(<App />, document.getElementById('app')!);
