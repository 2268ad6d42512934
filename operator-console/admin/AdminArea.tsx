// The settings area ("Настройка", role admin): every setting of the hall on a screen. A side list
// of sections; each section is its own address under /console/admin/.
import type { ComponentType } from 'preact';
import { useLocation } from 'preact-iso';
import { Header } from '../shell/Header';
import { Audit } from './Audit';
import { Calendar } from './Calendar';
import { Config } from './Config';
import { Devices } from './Devices';
import { Grid } from './Grid';
import { Hall } from './Hall';
import { Notices } from './Notices';
import { Services } from './Services';
import { Setup } from './Setup';
import { t, type Key } from './strings';
import { Users } from './Users';
import './admin.css';

const sections: { id: string; label: Key; component: ComponentType }[] = [
  { id: 'setup', label: 'secSetup', component: Setup },
  { id: 'services', label: 'secServices', component: Services },
  { id: 'grid', label: 'secGrid', component: Grid },
  { id: 'users', label: 'secUsers', component: Users },
  { id: 'devices', label: 'secDevices', component: Devices },
  { id: 'notices', label: 'secNotices', component: Notices },
  { id: 'hall', label: 'secHall', component: Hall },
  { id: 'calendar', label: 'secCalendar', component: Calendar },
  { id: 'audit', label: 'secAudit', component: Audit },
  { id: 'config', label: 'secConfig', component: Config },
];

export const BASE = '/console/admin';

export function AdminArea() {
  const { path } = useLocation();
  const id = path.slice(BASE.length + 1).split('/')[0] || 'setup';
  const section = sections.find((s) => s.id === id) ?? sections[0];
  const Section = section.component;
  return (
    <div class="screen admin">
      <Header />
      <div class="admin-body">
        <nav class="admin-nav" aria-label={t('sections')}>
          {sections.map((s) => (
            <a key={s.id} href={`${BASE}/${s.id}`} data-section={s.id} class={s === section ? 'on' : ''} aria-current={s === section ? 'page' : undefined}>{t(s.label)}</a>
          ))}
        </nav>
        <main class="admin-main" data-testid={`admin-${section.id}`}>
          <h1>{t(section.label)}</h1>
          <Section />
        </main>
      </div>
    </div>
  );
}
