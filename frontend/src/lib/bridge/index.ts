// The one module that talks to the Go backend: generated Wails bindings and events. Components and
// stores import from here only, so tests mock this module and nothing else.
import * as App from '../../../wailsjs/go/main/App';
import { EventsOn } from '../../../wailsjs/runtime/runtime';
import type { core, main, settings } from '../../../wailsjs/go/models';

export type Settings = settings.Settings;
export type KeyInfo = settings.KeyInfo;
export type SettingsState = main.SettingsState;
export type Status = core.Status;
export type Connection = core.Connection;

/** ErrorInfo mirrors core.ErrorInfo: what every failed backend call rejects with. */
export interface ErrorInfo {
  code: string;
  message: string;
  field?: string;
  next?: string;
  detail?: string;
}

export const Events = { StatusChanged: 'status:changed' } as const;

export const bridge = {
  getSettings: (): Promise<SettingsState> => App.GetSettings(),
  saveSettings: (s: Settings): Promise<Settings> => App.SaveSettings(s),
  setAPIKey: (key: string): Promise<KeyInfo> => App.SetAPIKey(key),
  clearAPIKey: (): Promise<KeyInfo> => App.ClearAPIKey(),
  status: (): Promise<Status> => App.Status(),
  testConnection: (): Promise<Connection> => App.TestConnection(),
  chooseFolder: (title: string, start: string): Promise<string> => App.ChooseFolder(title, start),
  onStatus: (cb: (s: Status) => void): (() => void) => EventsOn(Events.StatusChanged, cb),
};

/** toErrorInfo normalises whatever a rejected call produced into an ErrorInfo. */
export function toErrorInfo(e: unknown): ErrorInfo {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as ErrorInfo;
  if (typeof e === 'string') {
    try {
      const parsed = JSON.parse(e);
      if (parsed && typeof parsed.message === 'string') return parsed as ErrorInfo;
    } catch {
      /* a plain message */
    }
    return { code: 'internal', message: e };
  }
  return { code: 'internal', message: e instanceof Error ? e.message : String(e) };
}
