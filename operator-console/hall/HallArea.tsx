// The supervisor's home: the live hall, a service's queue (/console/hall/service/3) and a
// ticket's history (/console/hall/ticket/123), with the number search in the header.
import { useEffect } from 'preact/hooks';
import { Route, Router, useRoute } from 'preact-iso';
import { Header } from '../shell/Header';
import { clockTime } from '../figures/format';
import { timezone } from '../figures/hall-zone';
import { TicketHistory } from '../figures/TicketHistory';
import { SearchResults, TicketSearch } from '../figures/TicketSearch';
import { SoundToggle } from './Alerts';
import { LiveHall } from './LiveHall';
import { ServiceQueue } from './ServiceQueue';
import { failure, follow, live, online, touched } from './store';
import { t } from './strings';
import '../figures/figures.css';
import './hall.css';

const BASE = '/console/hall';

function Ticket() {
  const { params } = useRoute();
  const id = Number(params.id);
  const change = touched.value?.ticketId === id ? touched.value.seq : undefined;
  return <TicketHistory id={id} tz={timezone.value!} back={BASE} refresh={change} />;
}
function Service() {
  const { params } = useRoute();
  return <ServiceQueue serviceId={Number(params.id)} tz={timezone.value!} />;
}
function Search() {
  const { query } = useRoute();
  return <SearchResults q={query.q ?? ''} base={BASE} tz={timezone.value!} />;
}
function Home() { return <LiveHall tz={timezone.value!} />; }

export function HallArea() {
  useEffect(() => follow(), []);
  const tz = timezone.value;
  return (
    <div class="screen hall">
      <Header online={online.value}>
        <TicketSearch base={BASE} />
        <SoundToggle />
      </Header>
      {failure.value && online.value && <p class="message error" role="alert">{t('failed', { reason: failure.value })}</p>}
      {!online.value && live.value && tz && <p class="message error" role="alert" data-testid="stale">{t('stale', { t: clockTime(live.value.at, tz) })}</p>}
      <main class="hall-main">
        {!tz ? <p class="hint pad">{t('loading')}</p> : (
          <Router>
            <Route path="/" component={Home} />
            <Route path="/service/:id" component={Service} />
            <Route path="/ticket/:id" component={Ticket} />
            <Route path="/search" component={Search} />
            <Route default component={Home} />
          </Router>
        )}
      </main>
    </div>
  );
}
