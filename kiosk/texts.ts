// Every word the kiosk and the ticket status page show, Russian first, English beside it.
import { lang, makeT } from '../ui/i18n.ts';

const table = {
  title: { ru: 'Электронная очередь', en: 'Queue' },
  chooseService: { ru: 'Выберите услугу', en: 'Choose a service' },
  otherLang: { ru: 'English', en: 'Русский' },
  info: { ru: 'Объявления', en: 'Notices' },
  waiting: { ru: 'В очереди', en: 'Waiting' },
  eta: { ru: 'Ожидание', en: 'Wait' },
  minutes: { ru: '≈ {n} мин', en: '≈ {n} min' },
  noWait: { ru: 'без ожидания', en: 'no wait' },
  closedHours: { ru: 'Сейчас не работает', en: 'Closed now' },
  closedHoursSpan: { ru: 'Часы приёма: {from}–{to}', en: 'Open {from}–{to}' },
  closedLimit: { ru: 'Талоны на сегодня закончились', en: 'No more tickets today' },
  closedInactive: { ru: 'Услуга недоступна', en: 'Not available' },
  closedHoliday: { ru: 'Сегодня праздничный день: зал не работает', en: 'Closed today for a holiday' },
  closedHall: { ru: 'Зал сейчас закрыт', en: 'The hall is closed now' },
  closedHallSpan: { ru: 'Зал работает {from}–{to}', en: 'The hall is open {from}–{to}' },
  privileged: { ru: 'Льготная очередь', en: 'Priority service' },
  privilegedHint: { ru: 'ветераны, люди с инвалидностью', en: 'veterans, people with disabilities' },
  privilegedOn: { ru: 'Льготный талон: выберите услугу', en: 'Priority ticket: choose a service' },
  yourNumber: { ru: 'Ваш номер', en: 'Your number' },
  ahead: { ru: 'Перед вами', en: 'Ahead of you' },
  aheadNone: { ru: 'никого', en: 'nobody' },
  printing: { ru: 'Печатаем талон…', en: 'Printing your ticket…' },
  takeTicket: { ru: 'Возьмите талон', en: 'Take your ticket' },
  noPrinter: { ru: 'Запомните номер или сфотографируйте QR-код', en: 'Remember the number or photograph the QR code' },
  printFailed: { ru: 'Талон не напечатался', en: 'The ticket could not be printed' },
  printFailedHint: { ru: 'Вы в очереди. Запомните номер или сфотографируйте QR-код: по нему видно, когда вас вызовут.', en: 'You are in the queue. Remember the number or photograph the QR code: it shows when you are called.' },
  watchBoard: { ru: 'Следите за номером на табло', en: 'Watch for your number on the board' },
  done: { ru: 'Готово', en: 'Done' },
  back: { ru: 'Назад', en: 'Back' },
  notices: { ru: 'Объявления', en: 'Notices' },
  noNotices: { ru: 'Объявлений нет', en: 'No notices' },
  until: { ru: 'до {t}', en: 'until {t}' },
  errClosed: { ru: 'Эта услуга сейчас недоступна', en: 'This service is not available now' },
  errBusy: { ru: 'Подождите немного и попробуйте снова', en: 'Please wait a moment and try again' },
  errOther: { ru: 'Не получилось выдать талон. Попробуйте ещё раз', en: 'Could not issue a ticket. Please try again' },
  offlineTitle: { ru: 'Терминал временно не работает', en: 'The kiosk is temporarily unavailable' },
  offlineText: { ru: 'Восстанавливаем связь. Это займёт немного времени.', en: 'Reconnecting. This will take a moment.' },
  loading: { ru: 'Загрузка…', en: 'Loading…' },
  statusWaiting: { ru: 'Ожидайте вызова', en: 'Please wait to be called' },
  statusCalled: { ru: 'Вас приглашают:', en: 'Please go to:' },
  statusServing: { ru: 'Вас обслуживают', en: 'You are being served' },
  statusDone: { ru: 'Обслуживание завершено', en: 'Service finished' },
  statusNoShow: { ru: 'Вы не подошли по вызову', en: 'You missed your call' },
  statusPostponed: { ru: 'Талон отложен', en: 'Ticket postponed' },
  statusExpired: { ru: 'Талон закрыт: приёмный день окончен', en: 'Ticket closed: the hall day is over' },
  notFound: { ru: 'Талон не найден', en: 'Ticket not found' },
  people_one: { ru: '{n} человек', en: '{n} person' },
  people_few: { ru: '{n} человека', en: '{n} people' },
  people_many: { ru: '{n} человек', en: '{n} people' },
};

export const t = makeT(table);

/** A counted phrase with the right plural form ("3 человека", "5 человек"). */
function tn(key: 'people', n: number): string {
  const cat = new Intl.PluralRules(lang.value).select(n);
  return t(`${key}_${cat === 'one' ? 'one' : cat === 'few' ? 'few' : 'many'}`, { n });
}

export function aheadText(n: number): string {
  return n > 0 ? tn('people', n) : t('aheadNone');
}

export function etaText(minutes: number): string {
  return minutes > 0 ? t('minutes', { n: minutes }) : t('noWait');
}
