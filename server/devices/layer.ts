// The device layer behind DevicePort: the QUEUE_PRINTER printer, devices attached to the server
// machine (rows with an address), and devices behind agents (rows without one).
import type { DeviceSettings } from '../../drivers/agent/protocol.ts';
import { openButtons } from '../../drivers/buttons/open-buttons.ts';
import { ratingOf, type ButtonDevice, type ButtonEvent } from '../../drivers/buttons/types.ts';
import { openPrinter, type PrinterSettings } from '../../drivers/escpos/open-printer.ts';
import type { Printer, PrinterOptions } from '../../drivers/escpos/printer.ts';
import type { Logger } from '../../drivers/log.ts';
import type { DevicePort, DeviceView, TicketPrintJob } from '../device-port';
import type { QueueService } from '../hall/queue';
import type { Hub } from '../hub';
import type { CallView } from '../protocol';
import { AgentHub } from './agent-hub.ts';
import { CounterNumbers, PressFilter, runButtonAction, runRating, type Commit } from './button-actions.ts';
import type { DeviceConfig, DeviceRow, DeviceStore } from './store.ts';

export interface DeviceLayerOptions {
  store: DeviceStore;
  queue: QueueService;
  commit: Commit;
  hub: Hub;
  /** The calls standing now, for the LEDs at start. */
  calls: () => CallView[];
  log: Logger;
  /** QUEUE_PRINTER. */
  envPrinter: string | null;
  /** Defaults for every printer: QR base URL and the hall's time zone. */
  printerDefaults: PrinterSettings;
  timing?: Partial<PrinterOptions>;
  /** A rating key at a counter: rates its last finished visit (FeedbackService.rateAtCounter). */
  rate?: (counterId: number, rating: number) => Promise<unknown>;
  /** How long an agent gets to print; longer than the agent's own job timeout. */
  agentPrintTimeoutMs?: number;
  /** The hall's public address (setting `publicUrl`): the printed QR's base when set. */
  publicUrl?: () => string | null;
}

interface Attached { printer?: Printer; buttons?: ButtonDevice }

const ENV_ID = 'QUEUE_PRINTER';

export class DeviceLayer implements DevicePort {
  readonly agents: AgentHub;
  private envPrinter: Printer | null = null;
  private attached = new Map<number, Attached>();
  private unfollow: (() => void) | null = null;
  private numbers: CounterNumbers | null = null;
  private closed = false;
  private readonly presses = new PressFilter();

  constructor(private readonly o: DeviceLayerOptions) {
    this.agents = new AgentHub({
      log: o.log,
      getRow: (id) => o.store.get(id),
      mayAct: (row, counter) => row.counterId === counter || Object.values({ ...row.config.keypads, ...row.config.ratingKeypads }).includes(counter),
      onButton: (row, ev) => this.button(ev, `agent ${row.id}`),
      hello: (row) => ({ type: 'hello', deviceId: row.id, name: row.name, counterId: row.counterId, settings: this.agentSettings(row) }),
      numbers: () => this.numbers?.entries() ?? [],
      seen: (id, info) => {
        // Also called as the server stops, after the database may have closed: never a crash.
        try { o.store.seen(id, info); } catch (err) { o.log.warn({ device: id, err: (err as Error).message }, 'agent last seen not saved'); }
      },
    });
  }

  start(): void {
    if (this.o.envPrinter) {
      this.envPrinter = openPrinter(this.o.envPrinter, this.o.log, this.o.printerDefaults, this.o.timing);
      this.envPrinter.start();
    }
    this.numbers = new CounterNumbers(this.o.calls(), (counter, number) => {
      for (const a of this.attached.values()) a.buttons?.show(counter, number);
      this.agents.display(counter, number);
    });
    this.unfollow = this.o.hub.subscribe((e) => this.numbers!.onEvent(e));
    for (const row of this.o.store.list()) this.attach(row);
  }

  /** Re-reads a row after an admin change: reopens its local driver, updates its agent. */
  async reload(id: number, reason?: string): Promise<void> {
    await this.detach(id);
    const row = this.o.store.get(id);
    if (row) this.attach(row);
    this.agents.refresh(id, reason);
  }

  get printerDefaults(): PrinterSettings { return this.o.printerDefaults; }

  /** A server-relative status address made absolute with the hall's public address, when set. */
  withPublicUrl(job: TicketPrintJob): TicketPrintJob {
    const base = this.o.publicUrl?.();
    return base && job.statusUrl.startsWith('/') ? { ...job, statusUrl: base + job.statusUrl } : job;
  }

  printTicket(job: TicketPrintJob, ctx: { deviceId?: number }): Promise<boolean | undefined> {
    job = this.withPublicUrl(job);
    if (ctx.deviceId !== undefined) {
      const own = this.printerOf(ctx.deviceId);
      if (own) return own(job);
    }
    return this.envPrinter ? this.envPrinter.print(job) : Promise.resolve(undefined);
  }

  /** The printer a device prints on, or null when it has none. */
  printerOf(id: number): ((job: TicketPrintJob) => Promise<boolean>) | null {
    const row = this.o.store.get(id);
    if (!row?.enabled) return null;
    const local = this.attached.get(id)?.printer;
    if (local) return (job) => local.print(job);
    const agentHasPrinter = row.kind === 'printer' ? !row.config.address : !!this.agents.session(id)?.printer;
    if (agentHasPrinter) return (job) => this.agents.print(id, job, this.o.agentPrintTimeoutMs ?? 12_000);
    return null;
  }

  list(): DeviceView[] {
    const out: DeviceView[] = [];
    if (this.envPrinter) out.push({ id: ENV_ID, kind: 'printer', name: `${ENV_ID} ${this.envPrinter.address}`, ...this.envPrinter.status });
    for (const row of this.o.store.list()) {
      const view = (kind: DeviceRow['kind'], s: { status: string; detail: string | null }, id: number | string = row.id) =>
        out.push({ id, kind, name: row.name, status: s.status, detail: s.detail });
      if (!row.enabled) { view(row.kind, { status: 'offline', detail: 'disabled' }); continue; }
      const local = this.attached.get(row.id);
      if (local) { view(row.kind, (local.printer ?? local.buttons)!.status); continue; }
      if (row.config.address) { view(row.kind, { status: 'error', detail: 'could not open the device (see the log)' }); continue; }
      const agent = this.agents.session(row.id);
      if (!agent) { view(row.kind, { status: 'offline', detail: 'agent not connected' }); continue; }
      const mine = row.kind === 'printer' ? agent.printer : agent.buttons;
      view(row.kind, mine ?? { status: 'offline', detail: `the agent has no ${row.kind === 'printer' ? 'printer' : 'buttons'} attached` });
      // An agent that drives both a printer and buttons shows the second one as its own entry.
      const other = row.kind === 'printer' ? agent.buttons : agent.printer;
      const otherKind = row.kind === 'printer' ? 'buttons' : 'printer';
      if (other) view(otherKind, other, `${row.id}:${otherKind}`);
    }
    return out;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.unfollow?.();
    this.agents.close();
    await this.envPrinter?.stop();
    await Promise.all([...this.attached.keys()].map((id) => this.detach(id)));
  }

  /** What an agent needs from its row: driver settings, but not a server-side address. */
  private agentSettings(row: DeviceRow): DeviceSettings {
    const settings: DeviceConfig = { ...this.o.printerDefaults, ...row.config };
    delete settings.address;
    return settings;
  }

  private button(ev: ButtonEvent, source: string): void {
    if (!this.presses.accept(ev)) {
      this.o.log.debug({ source, counter: ev.counter, action: ev.action }, 'repeated button press dropped');
      return;
    }
    const rating = ratingOf(ev.action);
    if (rating !== null) void runRating(this.o.rate, this.o.log, ev.counter, rating, source);
    else void runButtonAction(this.o.queue, this.o.commit, this.o.log, ev, source);
  }

  private attach(row: DeviceRow): void {
    if (!row.enabled || !row.config.address || this.closed) return;
    try {
      if (row.kind === 'printer') {
        const printer = openPrinter(row.config.address, this.o.log, { ...this.o.printerDefaults, ...row.config }, this.o.timing);
        printer.start();
        this.attached.set(row.id, { printer });
      } else {
        const buttons = openButtons({ address: row.config.address, keypads: row.config.keypads, ratingKeypads: row.config.ratingKeypads, keys: row.config.keys, counter: row.counterId }, this.o.log);
        buttons.on('action', (ev) => this.button(ev, `device ${row.id}`));
        for (const [counter, number] of this.numbers?.entries() ?? []) buttons.show(counter, number);
        buttons.start();
        this.attached.set(row.id, { buttons });
      }
    } catch (err) {
      this.o.log.error({ device: row.id, err: (err as Error).message }, 'device settings are unusable');
    }
  }

  private async detach(id: number): Promise<void> {
    const a = this.attached.get(id);
    this.attached.delete(id);
    await a?.printer?.stop();
    await a?.buttons?.stop();
  }
}
