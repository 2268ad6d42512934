// Starting templates for a new hall (the first-run checklist): the services and counters of a
// Vodokanal customer hall (the demo hall `npm start` creates), of a public-service centre, or
// none. Each is a configuration document, applied like an import.
import { CONFIG_FORMAT, CONFIG_VERSION, type ConfigDoc, type DocService } from './document';

export type TemplateId = 'vodokanal' | 'mfc' | 'empty';

const individuals = { groupName: 'Физическим лицам', groupNameEn: 'Individuals' };

const vodokanalServices: DocService[] = [
  { prefix: 'П', name: 'Оплата и задолженность', nameEn: 'Payments and debts', ...individuals, defaultServiceSec: 360,
    ticketFooter: 'Возьмите последнюю квитанцию', script: 'Уточните лицевой счёт и адрес.\nПроверьте последние платежи в биллинге.\nПри долге предложите график погашения; при переплате — зачёт или возврат по заявлению.' },
  { prefix: 'У', name: 'Счётчики: показания и опломбировка', nameEn: 'Meters: readings and sealing', ...individuals, defaultServiceSec: 480,
    ticketFooter: 'Возьмите паспорт счётчика и фото показаний', script: 'Запросите паспорт прибора учёта и дату поверки.\nДля опломбировки — заявка на выезд: адрес, телефон, удобное время.\nПоказания внесите в биллинг, выдайте отметку.' },
  { prefix: 'Н', name: 'Договоры и подключение', nameEn: 'Contracts and new connections', ...individuals, defaultServiceSec: 900,
    ticketFooter: 'Возьмите паспорт и документы на объект', script: 'Проверьте правоустанавливающие документы на объект.\nДля подключения — технические условия и ситуационный план.\nСообщите сроки: ТУ — 14 рабочих дней.' },
  { prefix: 'Р', name: 'Перерасчёты и жалобы', nameEn: 'Recalculations and complaints', ...individuals, defaultServiceSec: 720,
    ticketFooter: 'Возьмите паспорт и подтверждающие документы', script: 'Выслушайте, не перебивая; запишите суть обращения.\nПерерасчёт за отсутствие — справка о временном отсутствии.\nЖалобу зарегистрируйте, выдайте номер и срок ответа (30 дней).' },
  { prefix: 'Д', name: 'Справки и документы', nameEn: 'Certificates and documents', ...individuals, defaultServiceSec: 300,
    ticketFooter: 'Возьмите паспорт', script: 'Справка об отсутствии задолженности — сразу, по паспорту собственника.\nКопии договоров — по заявлению, срок 3 рабочих дня.' },
  { prefix: 'Ю', name: 'Юридическим лицам', nameEn: 'Businesses', groupName: 'Юридическим лицам', groupNameEn: 'Businesses', defaultServiceSec: 900,
    ticketFooter: 'Возьмите доверенность и реквизиты организации', script: 'Проверьте доверенность представителя.\nСверка расчётов — акт сверки за период; договоры — через отдел абонентов-юрлиц.' },
];

// Specialised windows with a secondary service, and a universal window for the overflow.
const vodokanalCounters: [string, [string, number][]][] = [
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

const citizens = { groupName: 'Гражданам', groupNameEn: 'Citizens' };
const mfcServices: DocService[] = [
  { prefix: 'А', name: 'Паспорт и регистрация', nameEn: 'Passports and registration', ...citizens, defaultServiceSec: 900,
    ticketFooter: 'Возьмите паспорт и фотографии', script: 'Проверьте комплектность документов по перечню.\nСверьте данные заявления с паспортом.\nВыдайте расписку с датой готовности.' },
  { prefix: 'Б', name: 'Недвижимость', nameEn: 'Real estate', ...citizens, defaultServiceSec: 1200,
    ticketFooter: 'Возьмите правоустанавливающие документы', script: 'Уточните вид сделки и состав участников.\nПроверьте доверенности и согласия.\nПримите госпошлину, выдайте опись документов.' },
  { prefix: 'В', name: 'Пособия и социальные выплаты', nameEn: 'Benefits and social payments', ...citizens, defaultServiceSec: 900,
    ticketFooter: 'Возьмите СНИЛС и справки о доходах', script: 'Уточните вид выплаты и период.\nПроверьте справки о доходах и составе семьи.\nСообщите срок рассмотрения.' },
  { prefix: 'Г', name: 'Выдача готовых документов', nameEn: 'Collecting ready documents', ...citizens, defaultServiceSec: 300,
    ticketFooter: 'Возьмите паспорт и расписку', script: 'Найдите дело по номеру расписки.\nСверьте личность заявителя, выдайте документы под подпись.' },
  { prefix: 'К', name: 'Консультация', nameEn: 'Advice', ...citizens, defaultServiceSec: 420,
    ticketFooter: '', script: 'Выясните вопрос и нужную услугу.\nВыдайте перечень документов и запишите на приём при необходимости.' },
  { prefix: 'Е', name: 'Услуги для бизнеса', nameEn: 'Services for businesses', groupName: 'Бизнесу', groupNameEn: 'Businesses', defaultServiceSec: 1200,
    ticketFooter: 'Возьмите доверенность и печать организации', script: 'Проверьте полномочия представителя.\nУточните услугу по реестру, примите заявление.' },
];
const mfcCounters: [string, [string, number][]][] = [
  ['Окно 1', [['А', 1], ['Г', 2]]],
  ['Окно 2', [['А', 1], ['К', 2]]],
  ['Окно 3', [['Б', 1], ['Г', 2]]],
  ['Окно 4', [['Б', 1], ['Е', 2]]],
  ['Окно 5', [['В', 1], ['К', 2]]],
  ['Окно 6', [['В', 1], ['Г', 2]]],
  ['Окно 7', [['Г', 1], ['К', 1]]],
  ['Окно 8', [['Е', 1], ['Б', 2]]],
];

const doc = (services: DocService[], counters: [string, [string, number][]][], hallName?: [string, string]): ConfigDoc => ({
  format: CONFIG_FORMAT, version: CONFIG_VERSION, services,
  counters: counters.map(([name, links]) => ({ name, services: links.map(([service, priority]) => ({ service, priority })) })),
  ...(hallName ? { settings: { hallName: hallName[0], hallNameEn: hallName[1] } } : {}),
});

export const templates: Record<TemplateId, { ru: string; en: string; doc: ConfigDoc }> = {
  vodokanal: { ru: 'Абонентский зал Водоканала', en: 'Vodokanal customer hall', doc: doc(vodokanalServices, vodokanalCounters, ['Абонентский зал Водоканала', 'Vodokanal customer hall']) },
  mfc: { ru: 'Центр государственных услуг (МФЦ)', en: 'Public service centre', doc: doc(mfcServices, mfcCounters, ['Центр государственных услуг', 'Public service centre']) },
  empty: { ru: 'Пустой зал', en: 'Empty hall', doc: doc([], []) },
};
