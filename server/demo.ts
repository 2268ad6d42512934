// First start on an empty DATA_DIR: the demo hall of a Vodokanal customer office and the
// `admin` account (password from QUEUE_ADMIN_PASSWORD, or generated and written once to
// DATA_DIR/initial-admin-password.txt, mode 0600).
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from 'pino';
import type { AdminService, ServiceInput } from './hall/admin';

const individuals = { groupName: 'Физическим лицам', groupNameEn: 'Individuals' };

const demoServices: (ServiceInput & { key: string })[] = [
  { key: 'П', prefix: 'П', name: 'Оплата и задолженность', nameEn: 'Payments and debts', ...individuals, defaultServiceSec: 360,
    ticketFooter: 'Возьмите последнюю квитанцию', script: 'Уточните лицевой счёт и адрес.\nПроверьте последние платежи в биллинге.\nПри долге предложите график погашения; при переплате — зачёт или возврат по заявлению.' },
  { key: 'У', prefix: 'У', name: 'Счётчики: показания и опломбировка', nameEn: 'Meters: readings and sealing', ...individuals, defaultServiceSec: 480,
    ticketFooter: 'Возьмите паспорт счётчика и фото показаний', script: 'Запросите паспорт прибора учёта и дату поверки.\nДля опломбировки — заявка на выезд: адрес, телефон, удобное время.\nПоказания внесите в биллинг, выдайте отметку.' },
  { key: 'Н', prefix: 'Н', name: 'Договоры и подключение', nameEn: 'Contracts and new connections', ...individuals, defaultServiceSec: 900,
    ticketFooter: 'Возьмите паспорт и документы на объект', script: 'Проверьте правоустанавливающие документы на объект.\nДля подключения — технические условия и ситуационный план.\nСообщите сроки: ТУ — 14 рабочих дней.' },
  { key: 'Р', prefix: 'Р', name: 'Перерасчёты и жалобы', nameEn: 'Recalculations and complaints', ...individuals, defaultServiceSec: 720,
    ticketFooter: 'Возьмите паспорт и подтверждающие документы', script: 'Выслушайте, не перебивая; запишите суть обращения.\nПерерасчёт за отсутствие — справка о временном отсутствии.\nЖалобу зарегистрируйте, выдайте номер и срок ответа (30 дней).' },
  { key: 'Д', prefix: 'Д', name: 'Справки и документы', nameEn: 'Certificates and documents', ...individuals, defaultServiceSec: 300,
    ticketFooter: 'Возьмите паспорт', script: 'Справка об отсутствии задолженности — сразу, по паспорту собственника.\nКопии договоров — по заявлению, срок 3 рабочих дня.' },
  { key: 'Ю', prefix: 'Ю', name: 'Юридическим лицам', nameEn: 'Businesses', groupName: 'Юридическим лицам', groupNameEn: 'Businesses', defaultServiceSec: 900,
    ticketFooter: 'Возьмите доверенность и реквизиты организации', script: 'Проверьте доверенность представителя.\nСверка расчётов — акт сверки за период; договоры — через отдел абонентов-юрлиц.' },
];

// Specialised windows with a secondary service, and universal windows for the overflow.
const demoCounters: [string, [string, number][]][] = [
  ['Окно 1', [['П', 1], ['Д', 2]]],
  ['Окно 2', [['П', 1], ['Д', 2]]],
  ['Окно 3', [['П', 1], ['У', 2]]],
  ['Окно 4', [['У', 1], ['П', 2]]],
  ['Окно 5', [['У', 1], ['Д', 2]]],
  ['Окно 6', [['Н', 1], ['Р', 2]]],
  ['Окно 7', [['Н', 1], ['Ю', 2]]],
  ['Окно 8', [['Р', 1], ['П', 2]]],
  ['Окно 9', [['Р', 1], ['Д', 2]]],
  ['Окно 10', [['Д', 1], ['П', 2], ['У', 2]]],
  ['Окно 11', [['Ю', 1], ['Н', 2]]],
  ['Окно 12', [['П', 1], ['У', 1], ['Н', 1], ['Р', 1], ['Д', 1], ['Ю', 1]]],
];

export async function seedDemoHall(admin: AdminService, dataDir: string, adminPassword: string | null, log: Logger) {
  if (admin.listUsers().length > 0 || admin.listServices().length > 0) return;
  const ids = new Map<string, number>();
  demoServices.forEach(({ key, ...s }, i) => ids.set(key, admin.createService({ ...s, sortOrder: i }).id));
  for (const [name, links] of demoCounters) admin.createCounter({ name, services: links.map(([k, priority]) => ({ serviceId: ids.get(k)!, priority })) });
  let password = adminPassword;
  if (!password) {
    password = randomBytes(12).toString('base64url');
    const file = join(dataDir, 'initial-admin-password.txt');
    writeFileSync(file, password + '\n', { mode: 0o600 });
    // Said once, on the first start only: the file keeps it for the installer.
    log.warn(`First start: the admin password is ${password} (also in ${file}); change it after logging in`);
  }
  await admin.createUser({ login: 'admin', name: 'Администратор', password, role: 'admin' });
  log.info('demo hall created: %d services, %d counters', demoServices.length, demoCounters.length);
}
