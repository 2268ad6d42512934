// The operator console (/console/): sign in, choose a counter, work.
import { render } from 'preact';
import { lang } from '../ui/i18n';
import { CounterPicker } from './CounterPicker';
import { Login } from './Login';
import { session } from './session';
import { t } from './strings';
import { WorkScreen } from './WorkScreen';

function App() {
  document.documentElement.lang = lang.value;
  document.title = t('title');
  const s = session.value;
  if (!s) return <Login />;
  if (!s.counterId) return <CounterPicker />;
  return <WorkScreen counterId={s.counterId} />;
}

render(<App />, document.getElementById('app')!);
