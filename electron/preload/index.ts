import { contextBridge, ipcRenderer } from 'electron';
import { ipcChannels, type DesktopBridge } from '../../shared/bridge';
import type { ChangeEvent } from '../../shared/events';

// Security checklist item 20: expose two narrow functions, never ipcRenderer itself.
const bridge: DesktopBridge = {
  call: (method, input, token) => ipcRenderer.invoke(ipcChannels.call, { method, input, token }),
  async subscribe(token, listener) {
    const id = (await ipcRenderer.invoke(ipcChannels.subscribe, token)) as number | null;
    if (id === null) return () => undefined;
    const onEvent = (_event: unknown, message: { id: number; event: ChangeEvent }) => {
      if (message.id === id) listener(message.event);
    };
    ipcRenderer.on(ipcChannels.event, onEvent);
    return () => {
      ipcRenderer.removeListener(ipcChannels.event, onEvent);
      void ipcRenderer.invoke(ipcChannels.unsubscribe, id);
    };
  },
};

contextBridge.exposeInMainWorld('barnahus', bridge);
