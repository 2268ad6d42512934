// What every call-button driver produces: a counter action, whatever the hardware was.
import type { EventEmitter } from 'node:events';

export const BUTTON_ACTIONS = ['call', 'recall', 'start', 'no_show', 'finish'] as const;
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
