// The board's words, Russian first, English beside them (ui/i18n.ts).
import { makeT } from '../ui/i18n';

export const t = makeT({
  ticket: { ru: 'Талон', en: 'Ticket' },
  counter: { ru: 'Окно', en: 'Window' },
  waiting: { ru: 'Ожидают', en: 'Waiting' },
  noCalls: { ru: 'Ожидайте вызова', en: 'Please wait to be called' },
  offline: { ru: 'Нет связи с сервером', en: 'No connection to the server' },
  until: { ru: 'до {when}', en: 'until {when}' },
});
