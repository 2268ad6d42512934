// The dispatch rules the simulator compares. Each takes a counter, the oldest waiting ticket of
// each of its services (every rule here calls one of those) and the simulated clock.
//  - talon: the engine's own pickNext, as the server's `next` runs it (with the hall's overdueAtPct).
//  - fifo: the oldest ticket of the counter's services, no priorities.
//  - novosga: NovoSGA 2.x's queue ordering (config/app.default.php `queue.ordering`, applied by
//    FilaService::getFilaAtendimento; the attendance module's chamarAction calls the first row):
//    ORDER BY dataAgendamento ASC, servicoUsuario.peso DESC, prioridade.peso DESC,
//    servicoUnidade.peso DESC, dataChegada ASC. Walk-in tickets have no appointment; a
//    counter's priority p becomes the user-service weight (levels + 1 − p), so its main work
//    weighs most; every customer has the normal priority (weight 0) and every service the unit
//    weight 1, as NovoSGA creates them.
//  - qsystem: QSystem's Executer inviteCustomerTask: over the user's plan services in order, the
//    head of each service's queue (QService.peekCustomer, ordered by QCustomer.compareTo:
//    customer priority, then stand time); a higher plan coefficient wins, an equal one goes to
//    the head that compareTo puts first. QSystem has coefficients 2 (VIP), 1 (normal, the
//    default) and 0 (reserve): a counter's priority 1 is normal, 2 and beyond reserve.
import { pickNext, type CounterLink, type QueueTicket, type ServiceRule } from '../engine';
import type { PolicyName } from './scenario';

export interface PolicyCounter { id: number; links: CounterLink[] }
export type Policy = (counter: PolicyCounter, heads: QueueTicket[], now: number) => QueueTicket | null;

const older = (a: QueueTicket, b: QueueTicket) => a.issuedAt - b.issuedAt || a.id - b.id;

export function makePolicy(name: PolicyName, services: ReadonlyMap<number, ServiceRule>, overdueAtPct = 100): Policy {
  switch (name) {
    case 'talon':
      return (c, heads, now) => pickNext({ counterId: c.id, links: c.links, services, candidates: heads, now, privilegedFirst: false, overdueAtPct });
    case 'talon-early':
      // Talon with the hall setting overdueAtPct 33: a ticket goes first from a third of its maximum wait on.
      return (c, heads, now) => pickNext({ counterId: c.id, links: c.links, services, candidates: heads, now, privilegedFirst: false, overdueAtPct: 33 });
    case 'fifo':
      return (_c, heads) => heads.reduce<QueueTicket | null>((best, t) => (!best || older(t, best) < 0 ? t : best), null);
    case 'novosga':
      return (c, heads) => {
        const levels = Math.max(...c.links.map((l) => l.priority));
        const peso = new Map(c.links.map((l) => [l.serviceId, levels + 1 - l.priority]));
        // ORDER BY servicoUsuario.peso DESC, (prioridade.peso, servicoUnidade.peso: equal), dataChegada ASC
        return [...heads].sort((a, b) => peso.get(b.serviceId)! - peso.get(a.serviceId)! || older(a, b))[0] ?? null;
      };
    case 'qsystem':
      return (c, heads) => {
        let customer: QueueTicket | null = null;
        let servPriority = -1;
        for (const plan of c.links) {
          const cust = heads.find((t) => t.serviceId === plan.serviceId);
          if (!cust) continue;
          const prior = plan.priority === 1 ? 1 : 0;
          if (prior > servPriority || (prior === servPriority && customer && older(customer, cust) > 0)) { servPriority = prior; customer = cust; }
        }
        return customer;
      };
  }
}
