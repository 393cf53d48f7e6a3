import type { ChangeEvent } from '../../shared/events';

/** What the core announces after a transaction commits. */
export type CoreEvent =
  | { kind: 'change'; change: ChangeEvent }
  | { kind: 'session-ended'; sessionId: string };

export type CoreListener = (event: CoreEvent) => void;

export class EventBus {
  private readonly listeners = new Set<CoreListener>();

  subscribe(listener: CoreListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(event: CoreEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error) {
        // One broken subscriber (a dead socket) must not stop the others hearing of the change.
        console.error('event listener failed:', (error as Error).message);
      }
    }
  }
}
