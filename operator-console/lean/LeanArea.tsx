// The analysis area (supervisor): the lean tools under /console/lean/<tool>, each with its state in
// the address (day, counter, period, inputs) so that a view can be bookmarked, sent or printed.
import type { ComponentType } from 'preact';
import { useEffect } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Header } from '../shell/Header';
import { BeforeAfter } from './BeforeAfter';
import { useHall } from './common';
import { EtaAccuracy } from './EtaAccuracy';
import { Feedback } from './Feedback';
import { Lunches } from './Lunches';
import { PlanFact } from './PlanFact';
import { Staffing } from './Staffing';
import { t, type Key } from './strings';
import './lean.css';

const TOOLS: { id: string; label: Key; component: ComponentType }[] = [
  { id: 'plan-fact', label: 'tabPlanFact', component: PlanFact },
  { id: 'before-after', label: 'tabBeforeAfter', component: BeforeAfter },
  { id: 'staffing', label: 'tabStaffing', component: Staffing },
  { id: 'lunches', label: 'tabLunches', component: Lunches },
  { id: 'eta', label: 'tabEta', component: EtaAccuracy },
  { id: 'feedback', label: 'tabFeedback', component: Feedback },
];

export function LeanArea() {
  const { path, route } = useLocation();
  const id = path.split('/')[3];
  const tool = TOOLS.find((x) => x.id === id);
  const ready = useHall() !== null;
  useEffect(() => { if (!tool) route('/console/lean/plan-fact', true); }, [tool]);
  const Tool = tool?.component;
  return (
    <div class="screen lean">
      <Header />
      <nav class="tools" aria-label={t('tabsLabel')}>
        {TOOLS.map((x) => (
          <a key={x.id} href={`/console/lean/${x.id}`} data-tool={x.id} class={x === tool ? 'on' : ''} aria-current={x === tool ? 'page' : undefined}>{t(x.label)}</a>
        ))}
      </nav>
      {!ready ? <p class="hint">{t('loading')}</p> : Tool && <Tool />}
    </div>
  );
}
