/**
 * LISTEN on a PostgreSQL channel on a connection of its own, reconnecting when it is lost. What a process keeps in
 * memory from the database (the directory, signed-in sessions) is trusted only while `listening`: notifications
 * sent while the connection was down are lost, so the caller is told both when it is lost and when it listens
 * again, and must treat either as "anything may have changed".
 */
import pg from 'pg';
import type { WarnLogger } from '../lib/calendar';

export interface ChannelListener {
  /** LISTEN has taken effect on a live connection: notifications are being heard. */
  readonly listening: boolean;
  /** Connects on first call; later calls do nothing. */
  start(): void;
  close(): Promise<void>;
}

export interface ChannelEvents {
  /** A notification on the channel. */
  changed(): void;
  /** Listening (again); changes made before it were not heard. */
  listening?(): void;
  /** The connection is gone; a reconnect follows. */
  lost?(): void;
}

const RECONNECT_MS = 1_000;

export function listenOnChannel(url: string, channel: string, events: ChannelEvents, log: WarnLogger): ChannelListener {
  let client: pg.Client | null = null;
  let listening = false;
  let started = false;
  let closed = false;
  let retry: NodeJS.Timeout | null = null;

  function lost(c: pg.Client): void {
    if (client !== c) return;
    client = null;
    listening = false;
    events.lost?.();
    if (closed || retry) return;
    retry = setTimeout(() => {
      retry = null;
      void connect();
    }, RECONNECT_MS);
    retry.unref();
  }

  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, application_name: `linjiang-${channel}`, keepAlive: true });
    client = c;
    c.on('notification', () => events.changed());
    c.on('error', (error) => log.warn({ err: { message: error.message } }, `${channel} listener lost its connection`));
    c.on('end', () => lost(c));
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (closed) {
        await c.end();
        return;
      }
      listening = true;
      events.listening?.();
    } catch (error) {
      log.warn({ err: { message: (error as Error).message } }, `${channel} listener could not connect; trying again`);
      c.end().catch(() => {});
      lost(c);
    }
  }

  return {
    get listening() {
      return listening;
    },
    start() {
      if (started) return;
      started = true;
      void connect();
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      listening = false;
      await c?.end().catch(() => {});
    },
  };
}
