// The choice of a counter: free ones can be opened, ones held by others are shown with their
// holder. The list follows the hall live, so a counter taken a moment ago shows as taken.
import { useEffect, useState } from 'preact/hooks';
import { ApiError } from '../../ui/api';
import { connectHall } from '../../ui/hall-socket';
import type { CounterView } from '../../server/protocol';
import { Header } from '../shell/Header';
import { session, setCounter, staff } from '../shell/session';
import { t } from './strings';

export function CounterPicker() {
  const [counters, setCounters] = useState<CounterView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState<number | null>(null);
  const [online, setOnline] = useState(false);
  const me = session.value!.user.id;

  const load = () => staff<CounterView[]>('GET', '/api/counters').then(setCounters, () => undefined);
  useEffect(() => {
    const hall = connectHall({
      onSnapshot: () => void load(),
      onEvent: (e) => { if (e.type === 'counter.changed') void load(); },
      onStatus: setOnline,
    });
    return () => hall.close();
  }, []);

  const choose = async (c: CounterView) => {
    if (pending) return;
    if (c.user?.id === me) return setCounter(c.id);
    setPending(c.id);
    setError(null);
    try {
      await staff('POST', `/api/counters/${c.id}/open`);
      setCounter(c.id);
    } catch (e) {
      const held = counters.find((x) => x.user?.id === me && x.id !== c.id);
      setError(e instanceof ApiError && e.status === 409
        ? (held ? t('holdOther', { name: held.name }) : t('counterTaken'))
        : t('notDone', { action: t('actOpen'), reason: (e as Error).message }));
      setPending(null);
      void load();
    }
  };

  return (
    <div class="screen">
      <Header online={online} />
      <main class="picker">
        <h1>{t('chooseCounter')}</h1>
        {error && <p class="message error" role="alert" data-testid="message" data-kind="error">{error}</p>}
        <ul class="counters">
          {counters.map((c) => {
            const mine = c.user?.id === me;
            const taken = !!c.user && !mine;
            return (
              <li key={c.id}>
                <button type="button" class={`counter ${taken ? 'taken' : mine ? 'mine' : 'free'}`} data-counter={c.id}
                  disabled={taken || pending !== null} onClick={() => void choose(c)}>
                  <strong>{c.name}</strong>
                  <span>{mine ? t('yours') : taken ? t(c.state === 'break' ? 'onBreakBy' : 'takenBy', { name: c.user!.name }) : t('free')}</span>
                </button>
              </li>
            );
          })}
        </ul>
      </main>
    </div>
  );
}
