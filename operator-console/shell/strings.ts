// The shell's texts (sign-in, header, navigation), Russian first with English beside it (ui/i18n.ts).
import { makeT } from '../../ui/i18n';

export const t = makeT({
  brand: { ru: 'Талон', en: 'Talon' },
  title: { ru: 'Талон · рабочее место', en: 'Talon · staff console' },
  login: { ru: 'Логин', en: 'Login' },
  password: { ru: 'Пароль', en: 'Password' },
  signIn: { ru: 'Войти', en: 'Sign in' },
  signOut: { ru: 'Выйти', en: 'Sign out' },
  badCredentials: { ru: 'Неверный логин или пароль', en: 'Wrong login or password' },
  tooManyAttempts: { ru: 'Слишком много попыток, подождите минуту', en: 'Too many attempts, wait a minute' },
  offline: { ru: 'Нет связи с сервером', en: 'No connection to the server' },
  online: { ru: 'На связи', en: 'Online' },
  lang: { ru: 'EN', en: 'RU' },
  areaWork: { ru: 'Окно', en: 'Window' },
  areaHall: { ru: 'Зал', en: 'Hall' },
  areaReports: { ru: 'Отчёты', en: 'Reports' },
  areaLean: { ru: 'Анализ', en: 'Analysis' },
  areaAdmin: { ru: 'Настройка', en: 'Settings' },
  navLabel: { ru: 'Разделы', en: 'Areas' },
  notFound: { ru: 'Такой страницы нет', en: 'No such page' },
  toHome: { ru: 'На главную', en: 'Home' },
  loading: { ru: 'Загрузка…', en: 'Loading…' },
  loadFailed: { ru: 'Раздел не загрузился: {reason}', en: 'The area did not load: {reason}' },
  reload: { ru: 'Обновить', en: 'Reload' },
});

export type Key = Parameters<typeof t>[0];
