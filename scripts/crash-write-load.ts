// The crash test's write load: each client, as its own coordinator, opens cases,
// adds notes and edits referrals as fast as the host answers, and writes down
// every write the host acknowledged (HTTP 200 with the id or version). A write
// that got no answer may or may not have committed; only acknowledged ones must survive.
import type { Client } from '../shared/client';
import { ApiError } from '../shared/contract';
import type { Random } from './seed-data';

export interface AckedCase {
  caseId: number;
  reference: string;
  childFirstName: string;
}
export interface AckedNote {
  noteId: number;
  caseId: number;
  text: string;
}
export interface AckedUpdate {
  caseId: number;
  version: number;
  referrerName: string;
}

export interface Ledger {
  cases: AckedCase[];
  notes: AckedNote[];
  updates: AckedUpdate[];
}

export const emptyLedger = (): Ledger => ({ cases: [], notes: [], updates: [] });

export interface LoadOutcome {
  acked: Ledger;
  /** Calls cut off by the kill (no answer): their writes may or may not be there. */
  inFlight: number;
  /** Refusals while the host was up: none are expected, each is reported. */
  unexpected: string[];
}

export class ClientLoad {
  /** The client's own cases and the version it last saw; null while an edit's outcome is unknown. */
  private readonly versions = new Map<number, number | null>();
  private serial = 0;

  constructor(
    readonly name: string,
    private client: Client,
    private readonly rng: Random,
  ) {}

  /** The client's connection, signed in as its coordinator. */
  get api(): Client {
    return this.client;
  }

  /** After a restart: the same session token on a new connection. */
  reconnect(client: Client): void {
    client.setToken(this.client.token);
    this.client = client;
  }

  /** Re-reads the cases whose last edit got no answer, so the next edit sends the version that is there. */
  async settle(): Promise<void> {
    for (const [caseId, version] of this.versions) {
      if (version !== null) continue;
      try {
        this.versions.set(caseId, (await this.client.call('cases.get', { caseId })).version);
      } catch (error) {
        // Gone: the checks that follow say whether it was acknowledged; the load goes on without it.
        if (error instanceof ApiError && error.code === 'not_found') this.versions.delete(caseId);
        else throw error;
      }
    }
  }

  async run(stopped: () => boolean): Promise<LoadOutcome> {
    const acked = emptyLedger();
    const unexpected: string[] = [];
    let inFlight = 0;
    while (!stopped()) {
      const known = [...this.versions].filter(([, v]) => v !== null) as [number, number][];
      const op = known.length === 0 ? 'create' : this.rng.weighted([['create', 3], ['note', 4], ['update', 3]] as const);
      const tag = `${this.name}-${++this.serial}`;
      try {
        if (op === 'create') {
          const childFirstName = `Copil ${tag}`;
          const created = await this.client.call('cases.create', {
            fields: { receivedAt: new Date(Date.now() - 60_000).toISOString(), source: 'police', urgency: 'routine', reported: `Crash test ${tag}.` },
            child: { new: { firstName: childFirstName, lastName: 'Crashtest' } },
          });
          this.versions.set(created.id, created.version);
          acked.cases.push({ caseId: created.id, reference: created.reference, childFirstName });
        } else if (op === 'note') {
          const [caseId] = this.rng.pick(known);
          const text = `Note ${tag}: the mother called; the appointment stands.`;
          const note = await this.client.call('cases.addNote', { caseId, discipline: 'general', text });
          acked.notes.push({ noteId: note.id, caseId, text });
        } else {
          const [caseId, version] = this.rng.pick(known);
          const referrerName = `Referrer ${tag}`;
          this.versions.set(caseId, null);
          const updated = await this.client.call('cases.update', { caseId, version, changes: { referrerName } });
          this.versions.set(caseId, updated.version);
          acked.updates.push({ caseId, version: updated.version, referrerName });
        }
      } catch (error) {
        if (error instanceof ApiError && error.code === 'unavailable') {
          inFlight++;
          break;
        }
        unexpected.push(`${this.name} ${op}: ${error instanceof Error ? error.message : String(error)}`);
        if (unexpected.length > 5) break;
      }
    }
    return { acked, inFlight, unexpected };
  }
}
