// Reports: a report view (/console/reports?period=…&by=…), the tickets of a row
// (/console/reports/tickets?…), a ticket's history (/console/reports/ticket/123) and the number search.
import { useEffect } from 'preact/hooks';
import { Route, Router, useRoute } from 'preact-iso';
import { Header } from '../shell/Header';
import { loadTimezone, timezone } from '../figures/hall-zone';
import { TicketHistory } from '../figures/TicketHistory';
import { SearchResults, TicketSearch } from '../figures/TicketSearch';
import { ReportView } from './ReportView';
import { TicketList } from './TicketList';
import { t } from './strings';
import '../figures/figures.css';
import './reports.css';

const BASE = '/console/reports';

function Ticket() {
  const { params } = useRoute();
  return <TicketHistory id={Number(params.id)} tz={timezone.value!} back={BASE} />;
}
function Search() {
  const { query } = useRoute();
  return <SearchResults q={query.q ?? ''} base={BASE} tz={timezone.value!} />;
}
function View() { return <ReportView tz={timezone.value!} />; }
function Tickets() { return <TicketList tz={timezone.value!} />; }

export function ReportsArea() {
  useEffect(() => { void loadTimezone().catch(() => undefined); }, []);
  const tz = timezone.value;
  return (
    <div class="screen reports">
      <Header>
        <TicketSearch base={BASE} />
      </Header>
      <main class="reports-main">
        {!tz ? <p class="hint pad">{t('loading')}</p> : (
          <Router>
            <Route path="/" component={View} />
            <Route path="/tickets" component={Tickets} />
            <Route path="/ticket/:id" component={Ticket} />
            <Route path="/search" component={Search} />
            <Route default component={View} />
          </Router>
        )}
      </main>
    </div>
  );
}
