// The operator console (/console/): sign in, choose a counter, work.
import { render } from 'preact';
import { effect } from '@preact/signals';
import { lang } from '../ui/i18n';
import { CounterPicker } from './CounterPicker';
import { Login } from './Login';
import { session } from './session';
import { t } from './strings';
import { WorkScreen } from './WorkScreen';

// The operator's language stays with this PC, across reloads and sign-ins.
const LANG_KEY = 'talon.console.lang';
if (localStorage.getItem(LANG_KEY) === 'en') lang.value = 'en';
effect(() => localStorage.setItem(LANG_KEY, lang.value));

function App() {
  document.documentElement.lang = lang.value;
  document.title = t('title');
  const s = session.value;
  if (!s) return <Login />;
  if (!s.counterId) return <CounterPicker />;
  return <WorkScreen counterId={s.counterId} />;
}

render(<App />, document.getElementById('app')!);
