// The rating tablet's words: every one shown in Russian with English beside it.
export const texts = {
  ask: { ru: 'Оцените обслуживание', en: 'Rate the service' },
  idle: { ru: 'После обслуживания здесь можно оценить нашу работу', en: 'After your visit you can rate our service here' },
  thanks: { ru: 'Спасибо за оценку!', en: 'Thank you!' },
  noCounter: { ru: 'Не задано окно: откройте адрес с ?counter=<номер окна>', en: 'No counter set: open the address with ?counter=<counter id>' },
  offline: { ru: 'Нет связи с сервером', en: 'No connection to the server' },
  r1: { ru: 'Очень плохо', en: 'Very bad' },
  r2: { ru: 'Плохо', en: 'Bad' },
  r3: { ru: 'Нормально', en: 'OK' },
  r4: { ru: 'Хорошо', en: 'Good' },
  r5: { ru: 'Отлично', en: 'Excellent' },
} as const;

export type TextKey = keyof typeof texts;
