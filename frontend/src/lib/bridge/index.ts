// The one module that talks to the Go backend: generated Wails bindings and events. Components and
// stores call the backend through here only, so tests mock this module and nothing else. Types
// are the generated ones (wailsjs/go/models: contract.*, main.*), imported where they are used;
// this module declares none. The shared names (events, error codes, job kinds and states, modes)
// come from ./contract, which needs no mock.
import * as App from '../../../wailsjs/go/main/App';
import { ClipboardSetText, EventsOn, OnFileDrop } from '../../../wailsjs/runtime/runtime';
import type { contract, main } from '../../../wailsjs/go/models';
import { ErrorCode, EventName } from './contract';

let titleSeq = 0;

export const bridge = {
  // settings
  getSettings: (): Promise<main.SettingsState> => App.GetSettings(),
  saveSettings: (s: contract.Settings): Promise<contract.Settings> => App.SaveSettings(s),
  setAPIKey: (key: string): Promise<contract.KeyInfo> => App.SetAPIKey(key),
  clearAPIKey: (): Promise<contract.KeyInfo> => App.ClearAPIKey(),
  status: (): Promise<contract.Status> => App.Status(),
  quitNow: (): Promise<void> => App.QuitNow(),
  testConnection: (s: contract.Settings): Promise<contract.Connection> => App.TestConnection(s),
  chooseFolder: (title: string, start: string): Promise<string> => App.ChooseFolder(title, start),
  openLogFolder: (): Promise<void> => App.OpenLogFolder(),
  /** systemLocale is the language the system asks for (BCP 47), what the UI follows by default. */
  systemLocale: (): Promise<string> => App.SystemLocale(),
  /** setLanguage makes the Go side word its messages in tag ('' = the system's); returns the tag in use. */
  setLanguage: (tag: string): Promise<string> => App.SetLanguage(tag),
  // watch folders (Settings → Watch folders); onWatchChanged fires when a watch's figures change
  watches: (): Promise<main.WatchView[]> => App.Watches(),
  watchDefaults: (): Promise<main.WatchDefaults> => App.WatchDefaults(),
  /** chooseWatchFolder opens the native folder dialog beside the latest watched folder; '' when cancelled. */
  chooseWatchFolder: (): Promise<string> => App.ChooseWatchFolder(),
  addWatchFolder: (folder: string): Promise<contract.WatchConfig> => App.AddWatchFolder(folder),
  /** updateWatch saves new settings; deleting uploaded files needs confirm to be the typed word. */
  updateWatch: (w: contract.WatchConfig, confirm: string): Promise<contract.WatchConfig> => App.UpdateWatch(w, confirm),
  removeWatch: (name: string): Promise<void> => App.RemoveWatch(name),
  pauseWatch: (name: string): Promise<void> => App.PauseWatch(name),
  resumeWatch: (name: string): Promise<void> => App.ResumeWatch(name),
  /** getSystem: watch notifications on/off and whether the app starts at login (Settings → System). */
  getSystem: (): Promise<main.SystemState> => App.GetSystem(),
  setNotifications: (on: boolean): Promise<main.SystemState> => App.SetNotifications(on),
  setStartAtLogin: (on: boolean): Promise<main.SystemState> => App.SetStartAtLogin(on),
  // upload and import
  expandPaths: (paths: string[]): Promise<contract.Scan> => App.ExpandPaths(paths),
  /** findDuplicate reads one file and says whether its bytes were uploaded to scope before. */
  findDuplicate: (path: string, scope: string): Promise<contract.Duplicate | null> => App.FindDuplicate(path, scope),
  /** uploadRules names the accepted formats and the size limit, from the table pre-flight enforces. */
  uploadRules: (): Promise<contract.UploadRules> => App.UploadRules(),
  chooseFiles: (): Promise<string[]> => App.ChooseFiles(),
  chooseUploadFolder: (): Promise<string> => App.ChooseUploadFolder(),
  validateMeta: (m: contract.Meta): Promise<void> => App.ValidateMeta(m),
  enqueueUploads: (b: contract.UploadBatch): Promise<contract.JobView[]> => App.EnqueueUploads(b),
  planLinks: (text: string): Promise<contract.LinkPlan> => App.PlanLinks(text),
  enqueueImport: (r: contract.ImportRequest): Promise<contract.JobView[]> => App.EnqueueImport(r),
  enqueueURL: (url: string, m: contract.Meta): Promise<contract.JobView> => App.EnqueueURL(url, m),
  readLinksFile: (path: string): Promise<string> => App.ReadLinksFile(path),
  chooseLinksFile: (): Promise<string> => App.ChooseLinksFile(),
  // previews: URLs of local files the backend registered ('' when none is on disk)
  jobPreview: (id: number): Promise<string> => App.JobPreview(id),
  videoPreview: (scope: string, no: string): Promise<string> => App.VideoPreview(scope, no),
  // library
  library: (q: contract.LibraryQuery): Promise<contract.VideoPage> => App.Library(q),
  refreshLibrary: (): Promise<contract.RefreshResult> => App.RefreshLibrary(),
  deleteVideos: (nos: string[]): Promise<number> => App.DeleteVideos(nos),
  deleteSelected: (s: contract.Selection): Promise<number> => App.DeleteSelected(s),
  videoDetails: (no: string): Promise<contract.VideoDetails> => App.VideoDetails(no),
  /** downloadVideos asks where to save; names taken in a folder come back as conflicts, nothing queued. */
  downloadVideos: (nos: string[]): Promise<contract.DownloadResult> => App.DownloadVideos(nos),
  downloadVideosTo: (nos: string[], target: contract.DownloadRequest, choice: string): Promise<contract.DownloadResult> =>
    App.DownloadVideosTo(nos, target, choice),
  retryDownload: (id: number, choice: string): Promise<void> => App.RetryDownload(id, choice),
  /** downloadSelected and downloadSelectedTo are the same for a select-all, resolved in the backend. */
  downloadSelected: (s: contract.Selection): Promise<contract.DownloadResult> => App.DownloadSelected(s),
  downloadSelectedTo: (s: contract.Selection, target: contract.DownloadRequest, choice: string): Promise<contract.DownloadResult> =>
    App.DownloadSelectedTo(s, target, choice),
  downloadAsset: (id: string): Promise<contract.JobView> => App.DownloadAsset(id),
  // search and reading a video (kept answers come back with cached and their time)
  find: (q: contract.SearchQuery): Promise<contract.SearchAnswer> => App.Find(q),
  recentSearches: (): Promise<contract.RecentSearch[]> => App.RecentSearches(),
  forgetSearches: (): Promise<void> => App.ForgetSearches(),
  unindexed: (): Promise<number> => App.Unindexed(),
  /** keyframeURL fetches a keyframe once (kept on disk) and returns the URL it shows from. */
  keyframeURL: (bucket: string, blob: string): Promise<string> => App.KeyframeURL(bucket, blob),
  choosePicture: (): Promise<string> => App.ChoosePicture(),
  videoTranscript: (no: string, captions: boolean, fresh: boolean): Promise<main.VideoText> => App.VideoTranscript(no, captions, fresh),
  videoSummary: (no: string, fresh: boolean): Promise<main.VideoChapters> => App.VideoSummary(no, fresh),
  /** exportTranscript asks where to save (native dialog) and writes; '' when cancelled. */
  exportTranscript: (no: string, name: string, format: string, captions: boolean): Promise<string> =>
    App.ExportTranscript(no, name, format, captions),
  /** exportChapters saves a video's chapters as timed cues, as exportTranscript does. */
  exportChapters: (no: string, name: string, format: string): Promise<string> => App.ExportChapters(no, name, format),
  // transfers and history
  jobs: (q: contract.JobQuery): Promise<contract.JobPage> => App.Jobs(q),
  pauseJob: (id: number): Promise<void> => App.PauseJob(id),
  resumeJob: (id: number): Promise<void> => App.ResumeJob(id),
  cancelJob: (id: number): Promise<void> => App.CancelJob(id),
  retryJob: (id: number): Promise<void> => App.RetryJob(id),
  pauseAll: (): Promise<number> => App.PauseAll(),
  resumeAll: (): Promise<number> => App.ResumeAll(),
  /** retryFailed retries every failed job; downloads whose names are taken get choice, or are listed in taken. */
  retryFailed: (choice: string): Promise<contract.RetryAll> => App.RetryFailed(choice),
  interrupted: (): Promise<contract.JobView[]> => App.Interrupted(),
  resumeInterrupted: (): Promise<number> => App.ResumeInterrupted(),
  discardInterrupted: (): Promise<number> => App.DiscardInterrupted(),
  exportHistory: (): Promise<string> => App.ExportHistory(),
  revealInFolder: (path: string): Promise<void> => App.RevealInFolder(path),
  /** downloadSHA256 computes a finished download's SHA-256 on request (kept in its record); cancelSHA256 stops it. */
  downloadSHA256: (id: number): Promise<string> => App.DownloadSHA256(id),
  cancelSHA256: (id: number): Promise<void> => App.CancelSHA256(id),
  copyText: (text: string): Promise<boolean> => ClipboardSetText(text),
  // events
  onStatus: (cb: (s: contract.Status) => void): (() => void) => EventsOn(EventName.StatusChanged, cb),
  /** onQuitRequested: the window was closed while transfers run; payload: how many. */
  onQuitRequested: (cb: (running: number) => void): (() => void) => EventsOn(EventName.QuitRequested, cb),
  onJob: (cb: (j: contract.JobView) => void): (() => void) => EventsOn(EventName.TransferJob, cb),
  onProgress: (cb: (batch: contract.Progress[]) => void): (() => void) => EventsOn(EventName.TransferProgress, cb),
  onWatchChanged: (cb: (name: string) => void): (() => void) => EventsOn(EventName.WatchChanged, cb),
  onLibraryChanged: (cb: (scope: string) => void): (() => void) => EventsOn(EventName.LibraryChanged, cb),
  /**
   * onNativeDrop registers the app's one native file-drop handler (Wails ignores a second one),
   * for the whole window, with where in the window the drop landed. Only local files arrive here (a dropped web link comes as one empty
   * path on Linux, and is left to the window's drop event).
   */
  onNativeDrop: (cb: (paths: string[], at: { x: number; y: number }) => void): void =>
    OnFileDrop((x: number, y: number, paths: string[]) => {
      const real = (paths ?? []).filter((p) => p !== '');
      if (real.length) cb(real, { x, y });
    }, false),
  /** onOpenPaths tells when a second launch handed over files; takeOpenPaths then fetches them. */
  onOpenPaths: (cb: () => void): (() => void) => EventsOn(EventName.OpenPaths, cb),
  takeOpenPaths: (): Promise<string[]> => App.TakeOpenPaths(),
  setTitle: (title: string): void => void App.SetWindowTitle(++titleSeq, title).catch(() => {}),
};

/** toErrorInfo normalises whatever a rejected call produced into a contract.ErrorInfo. */
export function toErrorInfo(e: unknown): contract.ErrorInfo {
  if (e && typeof e === 'object' && 'code' in e && 'message' in e) return e as contract.ErrorInfo;
  if (typeof e === 'string') {
    try {
      const parsed = JSON.parse(e);
      if (parsed && typeof parsed.message === 'string') return parsed as contract.ErrorInfo;
    } catch {
      /* a plain message */
    }
    return { code: ErrorCode.Internal, message: e };
  }
  return { code: ErrorCode.Internal, message: e instanceof Error ? e.message : String(e) };
}
