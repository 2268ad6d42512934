// The window work area: choose a counter, then work it. The chosen counter stays with the
// session (a reload returns to it).
import { session } from '../shell/session';
import { CounterPicker } from './CounterPicker';
import { WorkScreen } from './WorkScreen';

export function WorkArea() {
  const counterId = session.value?.counterId;
  return counterId ? <WorkScreen counterId={counterId} /> : <CounterPicker />;
}
