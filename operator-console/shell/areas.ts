// The console's areas (window work, the live hall, reports, analysis, settings): each declares
// its path under /console/, its label, the least role that sees it, and the roles whose home it
// is. The list itself is in ../areas.ts; the shell only shows what the signed-in role may see.
import type { ComponentType } from 'preact';
import type { Role } from '../../server/protocol';
import { hasRole } from './session';
import type { Key } from './strings';

export interface Area {
  id: string;
  /** '/console/hall': the area owns this path and everything below it. */
  path: string;
  label: Key;
  role: Role;
  /** The roles that land on this area after signing in (or on /console/). */
  homeFor?: Role[];
  component: ComponentType;
}

let all: Area[] = [];

export function setAreas(list: Area[]) { all = list; }

export function visibleAreas(): Area[] { return all.filter((a) => hasRole(a.role)); }

export function homePath(role: Role): string {
  const visible = visibleAreas();
  return (visible.find((a) => a.homeFor?.includes(role)) ?? visible[0])?.path ?? '/console/';
}

/** The area a path belongs to. */
export function areaOf(path: string): Area | undefined {
  return all.find((a) => path === a.path || path.startsWith(a.path + '/'));
}
