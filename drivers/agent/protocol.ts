// Messages between the hall server and a device agent over GET /api/agent (WebSocket, JSON).
// The agent authenticates with `Authorization: Bearer <device token>` on the upgrade request.
import type { TicketPrintJob } from '../../server/device-port.ts';
import type { HidKey } from '../buttons/hid-buttons.ts';
import type { ButtonAction } from '../buttons/types.ts';
import type { PrinterSettings } from '../escpos/open-printer.ts';

export interface DeviceState { status: string; detail: string | null }

/** Driver settings kept in the device's database row (flat: one device, one config). */
export interface DeviceSettings extends PrinterSettings {
  /** Keypad address → counter id (serial keypads with several addresses on one line). */
  keypads?: Record<string, number>;
  /** Rating keypad address → counter id (customers' keys 1–5). */
  ratingKeypads?: Record<string, number>;
  /** HID key mapping, see drivers/buttons/README.md. */
  keys?: HidKey[];
}

export type ServerToAgent =
  /** First message after the upgrade: who the agent is and its settings from the database. */
  | { type: 'hello'; deviceId: number; name: string; counterId: number | null; settings: DeviceSettings }
  | { type: 'print'; jobId: string; job: TicketPrintJob }
  /** The counter's current number for LED keypads; null blanks it. */
  | { type: 'display'; counter: number; number: string | null };

export type AgentToServer =
  /** Sent on connecting: the agent's version, its machine and the addresses it drives. */
  | { type: 'info'; version: string | null; host: string | null; printer: string | null; buttons: string | null }
  | { type: 'status'; printer: DeviceState | null; buttons: DeviceState | null }
  | { type: 'printed'; jobId: string; ok: boolean }
  | { type: 'button'; counter: number; action: ButtonAction };

/** WebSocket close code when the server stops the session (token revoked, device disabled). */
export const CLOSE_REFUSED = 4003;
