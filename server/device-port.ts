// What the hall server needs from the device layer (printers, call buttons, device agents).
// The device layer lives in server/devices/ and drivers/; the core only sees this interface.

export interface TicketPrintJob {
  ticketId: number;
  number: string;
  serviceName: string;
  serviceNameEn: string | null;
  /** Per-service footer ("bring your passport and the last receipt"). */
  footer: string;
  hallName: string;
  issuedAt: string;
  ahead: number;
  etaMinutes: number;
  /** Absolute or server-relative URL of the ticket's status page (the QR target). */
  statusUrl: string;
}

export interface DeviceView {
  id: number | string;
  kind: 'printer' | 'buttons';
  name: string;
  status: string;
  detail: string | null;
}

export interface DevicePort {
  /**
   * Prints a ticket on the printer that serves this request (the kiosk's agent printer when the
   * request carries that device's token, else the server's QUEUE_PRINTER). Resolves to true when
   * printed, false when printing failed or timed out, undefined when no printer is configured.
   * Never rejects and never waits longer than its own timeout.
   */
  printTicket(job: TicketPrintJob, ctx: { deviceId?: number }): Promise<boolean | undefined>;
  list(): DeviceView[];
  /** Re-reads a device row changed outside the device routes (a configuration import). */
  reload?(deviceId: number): Promise<void>;
  close(): Promise<void>;
}

/** The default when no device layer is wired in: nothing to print on. */
export const noDevices: DevicePort = {
  printTicket: async () => undefined,
  list: () => [],
  close: async () => {},
};
