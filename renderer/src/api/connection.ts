import type { DesktopBridge } from '../../../shared/bridge';
import { createClient, type Client } from '../../../shared/client';
import { workstationContract, type WorkstationContract } from '../../../shared/workstation';
import { createWebBridge } from './web-bridge';

declare global {
  interface Window {
    /** Present only inside the desktop app, put there by the preload. */
    barnahus?: DesktopBridge;
  }
}

export interface Connection {
  kind: 'desktop' | 'web';
  bridge: DesktopBridge;
  api: Client;
  /** Only the desktop app has a workstation to configure. */
  workstation: Client<WorkstationContract> | null;
}

export function connect(): Connection {
  const desktop = window.barnahus;
  const bridge = desktop ?? createWebBridge(window.location.origin);
  const transport = { call: bridge.call.bind(bridge) };
  return {
    kind: desktop ? 'desktop' : 'web',
    bridge,
    api: createClient(transport),
    workstation: desktop ? createClient(transport, workstationContract) : null,
  };
}
