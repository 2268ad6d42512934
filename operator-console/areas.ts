// The console's areas, in the order of the navigation. Each area lives in its own folder and
// is loaded when first opened, so an operator's PC never loads the reports' charts.
import { lazy } from 'preact-iso';
import type { Area } from './shell/areas';

export const areas: Area[] = [
  { id: 'work', path: '/console/work', label: 'areaWork', role: 'operator', homeFor: ['operator'],
    component: lazy(() => import('./work/WorkArea').then((m) => m.WorkArea)) },
  { id: 'hall', path: '/console/hall', label: 'areaHall', role: 'supervisor', homeFor: ['supervisor'],
    component: lazy(() => import('./hall/HallArea').then((m) => m.HallArea)) },
  { id: 'reports', path: '/console/reports', label: 'areaReports', role: 'supervisor',
    component: lazy(() => import('./reports/ReportsArea').then((m) => m.ReportsArea)) },
  { id: 'lean', path: '/console/lean', label: 'areaLean', role: 'supervisor',
    component: lazy(() => import('./lean/LeanArea').then((m) => m.LeanArea)) },
  { id: 'admin', path: '/console/admin', label: 'areaAdmin', role: 'admin', homeFor: ['admin'],
    component: lazy(() => import('./admin/AdminArea').then((m) => m.AdminArea)) },
];
