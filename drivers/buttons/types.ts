// What every call-button driver produces: a counter action, whatever the hardware was.
import type { EventEmitter } from 'node:events';

export const BUTTON_ACTIONS = ['call', 'recall', 'start', 'no_show', 'finish', 'rate1', 'rate2', 'rate3', 'rate4', 'rate5'] as const;
/** `rate1`…`rate5`: a customer's rating of the visit just finished (a rating keypad's keys 1–5). */
export type ButtonAction = (typeof BUTTON_ACTIONS)[number];

export interface ButtonEvent {
  counter: number;
  action: ButtonAction;
}

export interface ButtonStatus {
  status: 'ok' | 'offline' | 'error';
  detail: string | null;
}

export interface ButtonDevice extends EventEmitter<{ action: [ButtonEvent]; status: [ButtonStatus] }> {
  readonly status: ButtonStatus;
  start(): void;
  stop(): Promise<void>;
  /** Shows a ticket number at the counter (LED keypads); null blanks it. No-op without a display. */
  show(counter: number, number: string | null): void;
}

export const isButtonAction = (s: unknown): s is ButtonAction => BUTTON_ACTIONS.includes(s as ButtonAction);

/** The rating 1–5 of a rating key, or null for an operator's key. */
export const ratingOf = (a: ButtonAction): number | null => (a.startsWith('rate') ? Number(a.slice(4)) : null);
