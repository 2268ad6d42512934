// The figures' names and definitions (contract, "Definitions", in plain words), a ticket's
// history and the number search: shared by the live hall and the reports.
import { makeT } from '../../ui/i18n';

export const t = makeT({
  // a report's Row: column heads under their group heads
  gTickets: { ru: 'Талоны', en: 'Tickets' },
  gWait: { ru: 'Ожидание', en: 'Wait' },
  gService: { ru: 'Обслуживание', en: 'Service' },
  gWork: { ru: 'Работа окна', en: 'Counter time' },
  issued: { ru: 'выдано', en: 'issued' },
  called: { ru: 'вызвано', en: 'called' },
  served: { ru: 'обслу\u00adжено', en: 'served' },
  noShow: { ru: 'неявки', en: 'no-shows' },
  expired: { ru: 'истекли', en: 'expired' },
  transferred: { ru: 'пере\u00adведены', en: 'trans\u00adferred' },
  avg: { ru: 'средн.', en: 'avg' },
  median: { ru: 'медиана', en: 'median' },
  p90: { ru: 'p90', en: 'p90' },
  max: { ru: 'макс.', en: 'max' },
  withinTarget: { ru: 'в норме', en: 'within target' },
  openTime: { ru: 'открыто', en: 'open' },
  breakTime: { ru: 'перерывы', en: 'breaks' },
  servingTime: { ru: 'с клиен\u00adтами', en: 'serving' },
  utilisation: { ru: 'загрузка', en: 'utilisation' },
  // the same figures standing alone (the live hall's today)
  issuedToday: { ru: 'Выдано', en: 'Issued' },
  servedToday: { ru: 'Обслужено', en: 'Served' },
  noShowToday: { ru: 'Неявки', en: 'No-shows' },
  avgWait: { ru: 'Ожидание, средн.', en: 'Wait, avg' },
  medianWait: { ru: 'медиана', en: 'median' },
  p90Wait: { ru: 'p90', en: 'p90' },
  withinTargetToday: { ru: 'В норме', en: 'Within target' },
  avgService: { ru: 'Обслуживание, средн.', en: 'Service, avg' },
  total: { ru: 'Итого', en: 'Total' },
  unitsNote: { ru: 'Время — мин:с (ч:мм:сс), целые секунды', en: 'Times in m:ss (h:mm:ss), whole seconds' },

  glossary: { ru: 'Как считается', en: 'Definitions' },
  glossaryClose: { ru: 'Закрыть', en: 'Close' },
  defBucket: { ru: 'Талон относится к периоду, часу, дню и дню недели по времени выдачи, в часовом поясе зала ({tz}). Час 09 — с 09:00:00 включительно до 10:00:00, не включая 10:00:00.',
    en: 'A ticket belongs to the period, hour, day and weekday of its issue time, in the hall\'s time zone ({tz}). Hour 09 runs from 09:00:00 up to, not including, 10:00:00.' },
  defIssued: { ru: 'Выдано — талоны, выданные за период. Вызвано — вызванные хотя бы раз.', en: 'Issued: tickets issued in the period. Called: called at least once.' },
  defServed: { ru: 'Обслужено — визит завершён оператором («Завершить»). Неявки — вызван, клиент не подошёл. Истекли — талон ещё ждал, был отложен или вызван, когда закончился день зала. Переведены — переданы в очередь другой услуги или окна.',
    en: 'Served: the operator finished the visit. No-shows: called, the customer did not come. Expired: still waiting, postponed or called when the hall day ended. Transferred: passed to another service\'s or counter\'s queue.' },
  defWait: { ru: 'Ожидание — от выдачи талона до первого вызова. Повторный вызов его не продлевает, перевод в другую очередь не обнуляет.',
    en: 'Wait: from the ticket\'s issue to its first call. A recall does not extend it, a transfer does not restart it.' },
  defPercentiles: { ru: 'Медиана — половина клиентов ждала не дольше. p90 — девять из десяти ждали не дольше (по рангу: 90-е место из 100, без интерполяции).',
    en: 'Median: half of the customers waited no longer. p90: nine in ten waited no longer (nearest rank, no interpolation).' },
  defTarget: { ru: 'В норме — доля талонов, вызванных не позже нормы ожидания (норма услуги, обычно 15 минут, или норма, заданная в отчёте). Талон, так и не вызванный до конца дня, — по времени в очереди. Талоны, ждущие сейчас, не учитываются.',
    en: 'Within target: the share of tickets called within the target wait (the service\'s maximum, usually 15 minutes, or the report\'s target). A ticket never called before the day ended counts by its time in the queue. Tickets waiting now are left out.' },
  defService: { ru: 'Обслуживание — от «Пришёл» до «Завершить» (от вызова, если «Пришёл» не нажимали), только у обслуженных: неявки, истёкшие и переведённые визиты не входят ни в одно среднее.',
    en: 'Service: from "Came" to "Finish" (from the call when "Came" was skipped), for served tickets only: no-shows, expired and transferred visits are in no average.' },
  defOperator: { ru: 'Оператор и окно талона — те, у кого закончился его последний визит.', en: 'A ticket\'s operator and counter are those of the visit that ended it.' },
  defUtilisation: { ru: 'Загрузка = работа с клиентами (от вызова до завершения, неявки или перевода) / время, когда окно открыто (от открытия до закрытия, без перерывов).',
    en: 'Utilisation = time serving (call to finish, no-show or transfer) / time open (open to close, breaks excluded).' },
  defUnits: { ru: 'Время — целые секунды, на экране мин:с (ч:мм:сс дольше часа). Пустое среднее (нет талонов) — прочерк.',
    en: 'Times are whole seconds, shown as m:ss (h:mm:ss past an hour). An average of no tickets is a dash.' },

  // a ticket's history
  history: { ru: 'История талона {number}', en: 'History of ticket {number}' },
  historyLoading: { ru: 'Загрузка истории…', en: 'Loading the history…' },
  historyFailed: { ru: 'История не загрузилась: {reason}', en: 'The history did not load: {reason}' },
  noSuchTicket: { ru: 'Такого талона нет', en: 'No such ticket' },
  colTime: { ru: 'Время', en: 'Time' },
  colAction: { ru: 'Действие', en: 'Action' },
  colStatus: { ru: 'Состояние', en: 'Status' },
  colCounter: { ru: 'Окно', en: 'Counter' },
  colOperator: { ru: 'Оператор', en: 'Operator' },
  colDetail: { ru: 'Подробно', en: 'Detail' },
  service: { ru: 'Услуга', en: 'Service' },
  issuedAt: { ru: 'Выдан', en: 'Issued' },
  waitFigure: { ru: 'Ожидание (до первого вызова)', en: 'Wait (to the first call)' },
  waitingFor: { ru: 'Ждёт уже', en: 'Waiting for' },
  serviceFigure: { ru: 'Обслуживание', en: 'Service' },
  statusNow: { ru: 'Сейчас', en: 'Now' },
  back: { ru: '← Назад', en: '← Back' },
  outcomeIs: { ru: 'итог: {o}', en: 'outcome: {o}' },
  transferTo: { ru: 'из «{from}» в «{to}»', en: 'from "{from}" to "{to}"' },
  transferToCounter: { ru: 'только для окна {c}', en: 'for counter {c} only' },
  postponeUntil: { ru: 'до {t}', en: 'until {t}' },

  // actions in the ticket event log
  act_issue: { ru: 'Выдан', en: 'Issued' },
  act_call: { ru: 'Вызван', en: 'Called' },
  act_recall: { ru: 'Вызван повторно', en: 'Recalled' },
  act_start: { ru: 'Пришёл, обслуживание', en: 'Came, service began' },
  act_finish: { ru: 'Завершён', en: 'Finished' },
  act_no_show: { ru: 'Не пришёл', en: 'No-show' },
  act_transfer: { ru: 'Переведён', en: 'Transferred' },
  act_postpone: { ru: 'Отложен', en: 'Postponed' },
  act_return: { ru: 'Вернулся в очередь', en: 'Back in the queue' },
  act_expire: { ru: 'Истёк (конец дня)', en: 'Expired (end of day)' },

  st_waiting: { ru: 'ждёт', en: 'waiting' },
  st_called: { ru: 'вызван', en: 'called' },
  st_serving: { ru: 'обслуживается', en: 'being served' },
  st_done: { ru: 'обслужен', en: 'served' },
  st_no_show: { ru: 'неявка', en: 'no-show' },
  st_postponed: { ru: 'отложен', en: 'postponed' },
  st_expired: { ru: 'истёк', en: 'expired' },

  // the number search
  search: { ru: 'Талон', en: 'Ticket' },
  searchPlaceholder: { ru: 'А015', en: 'A015' },
  searchGo: { ru: 'Найти', en: 'Find' },
  searchTitle: { ru: 'Талоны «{q}»', en: 'Tickets "{q}"' },
  searchNone: { ru: 'Талонов с таким номером нет', en: 'No ticket with this number' },
  searchDay: { ru: 'День', en: 'Day' },
  searchHint: { ru: 'Номер талона, например А015; без дня — сегодня', en: 'A ticket number such as A015; without a day, today' },
});

export type Key = Parameters<typeof t>[0];

/** A ticket status in words; an unknown one as stored. */
export function statusText(s: string | null | undefined): string {
  if (!s) return '—';
  const k = `st_${s}` as Key;
  const text = t(k);
  return text === k ? s : text;
}

/** An event log action in words; an unknown one as stored. */
export function actionText(a: string): string {
  const k = `act_${a}` as Key;
  const s = t(k);
  return s === k ? a : s;
}
