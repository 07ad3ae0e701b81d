// The one module that talks to the Go backend: generated Wails bindings and events. Components and
// stores import from here only, so tests mock this module and nothing else. The shared names
// (events, error codes, job kinds and states, modes) come from ./contract, which needs no mock.
import * as App from '../../../wailsjs/go/main/App';
import { ClipboardSetText, EventsOn, OnFileDrop } from '../../../wailsjs/runtime/runtime';
import type { contract, main } from '../../../wailsjs/go/models';
import { ErrorCode, EventName } from './contract';

export type Settings = contract.Settings;
export type KeyInfo = contract.KeyInfo;
export type SettingsState = main.SettingsState;
export type SystemState = main.SystemState;
export type Status = contract.Status;
export type Connection = contract.Connection;
export type Meta = contract.Meta;
export type UploadBatch = contract.UploadBatch;
export type Scan = contract.Scan;
export type Verdict = contract.Verdict;
export type Duplicate = contract.Duplicate;
export type UploadRules = contract.UploadRules;
export type LinkPlan = contract.LinkPlan;
export type Link = contract.Link;
export type LinkProblem = contract.LinkProblem;
export type ImportRequest = contract.ImportRequest;
export type LibraryQuery = contract.LibraryQuery;
export type VideoPage = contract.VideoPage;
export type CachedVideo = contract.CachedVideo;
export type VideoDetails = contract.VideoDetails;
export type JobQuery = contract.JobQuery;
export type JobPage = contract.JobPage;
export type JobView = contract.JobView;
export type Progress = contract.Progress;
export type RefreshResult = contract.RefreshResult;
export type VideoSelection = contract.Selection;
export type DownloadResult = contract.DownloadResult;
export type DownloadTarget = contract.DownloadRequest;
export type RetryAll = contract.RetryAll;
export type SearchQuery = contract.SearchQuery;
export type SearchAnswer = contract.SearchAnswer;
export type Moment = contract.Moment;
export type RecentSearch = contract.RecentSearch;
export type VideoText = main.VideoText;
export type VideoChapters = main.VideoChapters;
export type Segment = contract.Segment;
export type Chapter = contract.Chapter;
export type WatchView = main.WatchView;
export type WatchConfig = contract.WatchConfig;
export type WatchDefaults = main.WatchDefaults;

/** ErrorInfo is what every failed backend call rejects with; code is one of ErrorCode. */
export type ErrorInfo = contract.ErrorInfo;

let titleSeq = 0;

export const bridge = {
  // settings
  getSettings: (): Promise<SettingsState> => App.GetSettings(),
  saveSettings: (s: Settings): Promise<Settings> => App.SaveSettings(s),
  setAPIKey: (key: string): Promise<KeyInfo> => App.SetAPIKey(key),
  clearAPIKey: (): Promise<KeyInfo> => App.ClearAPIKey(),
  status: (): Promise<Status> => App.Status(),
  quitNow: (): Promise<void> => App.QuitNow(),
  testConnection: (s: Settings): Promise<Connection> => App.TestConnection(s),
  chooseFolder: (title: string, start: string): Promise<string> => App.ChooseFolder(title, start),
  openLogFolder: (): Promise<void> => App.OpenLogFolder(),
  // watch folders (Settings → Watch folders); onWatchChanged fires when a watch's figures change
  watches: (): Promise<WatchView[]> => App.Watches(),
  watchDefaults: (): Promise<WatchDefaults> => App.WatchDefaults(),
  /** chooseWatchFolder opens the native folder dialog beside the latest watched folder; '' when cancelled. */
  chooseWatchFolder: (): Promise<string> => App.ChooseWatchFolder(),
  addWatchFolder: (folder: string): Promise<WatchConfig> => App.AddWatchFolder(folder),
  /** updateWatch saves new settings; deleting uploaded files needs confirm to be the typed word. */
  updateWatch: (w: WatchConfig, confirm: string): Promise<WatchConfig> => App.UpdateWatch(w, confirm),
  removeWatch: (name: string): Promise<void> => App.RemoveWatch(name),
  pauseWatch: (name: string): Promise<void> => App.PauseWatch(name),
  resumeWatch: (name: string): Promise<void> => App.ResumeWatch(name),
  /** getSystem: watch notifications on/off and whether the app starts at login (Settings → System). */
  getSystem: (): Promise<SystemState> => App.GetSystem(),
  setNotifications: (on: boolean): Promise<SystemState> => App.SetNotifications(on),
  setStartAtLogin: (on: boolean): Promise<SystemState> => App.SetStartAtLogin(on),
  // upload and import
  expandPaths: (paths: string[]): Promise<Scan> => App.ExpandPaths(paths),
  /** findDuplicate reads one file and says whether its bytes were uploaded to scope before. */
  findDuplicate: (path: string, scope: string): Promise<Duplicate | null> => App.FindDuplicate(path, scope),
  /** uploadRules names the accepted formats and the size limit, from the table pre-flight enforces. */
  uploadRules: (): Promise<UploadRules> => App.UploadRules(),
  chooseFiles: (): Promise<string[]> => App.ChooseFiles(),
  chooseUploadFolder: (): Promise<string> => App.ChooseUploadFolder(),
  validateMeta: (m: Meta): Promise<void> => App.ValidateMeta(m),
  enqueueUploads: (b: UploadBatch): Promise<JobView[]> => App.EnqueueUploads(b),
  planLinks: (text: string): Promise<LinkPlan> => App.PlanLinks(text),
  enqueueImport: (r: ImportRequest): Promise<JobView[]> => App.EnqueueImport(r),
  enqueueURL: (url: string, m: Meta): Promise<JobView> => App.EnqueueURL(url, m),
  readLinksFile: (path: string): Promise<string> => App.ReadLinksFile(path),
  chooseLinksFile: (): Promise<string> => App.ChooseLinksFile(),
  // previews: URLs of local files the backend registered ('' when none is on disk)
  jobPreview: (id: number): Promise<string> => App.JobPreview(id),
  videoPreview: (scope: string, no: string): Promise<string> => App.VideoPreview(scope, no),
  // library
  library: (q: LibraryQuery): Promise<VideoPage> => App.Library(q),
  refreshLibrary: (): Promise<RefreshResult> => App.RefreshLibrary(),
  deleteVideos: (nos: string[]): Promise<number> => App.DeleteVideos(nos),
  deleteSelected: (s: VideoSelection): Promise<number> => App.DeleteSelected(s),
  videoDetails: (no: string): Promise<VideoDetails> => App.VideoDetails(no),
  /** downloadVideos asks where to save; names taken in a folder come back as conflicts, nothing queued. */
  downloadVideos: (nos: string[]): Promise<DownloadResult> => App.DownloadVideos(nos),
  downloadVideosTo: (nos: string[], target: DownloadTarget, choice: string): Promise<DownloadResult> =>
    App.DownloadVideosTo(nos, target, choice),
  retryDownload: (id: number, choice: string): Promise<void> => App.RetryDownload(id, choice),
  /** downloadSelected and downloadSelectedTo are the same for a select-all, resolved in the backend. */
  downloadSelected: (s: VideoSelection): Promise<DownloadResult> => App.DownloadSelected(s),
  downloadSelectedTo: (s: VideoSelection, target: DownloadTarget, choice: string): Promise<DownloadResult> =>
    App.DownloadSelectedTo(s, target, choice),
  downloadAsset: (id: string): Promise<JobView> => App.DownloadAsset(id),
  // search and reading a video (kept answers come back with cached and their time)
  find: (q: SearchQuery): Promise<SearchAnswer> => App.Find(q),
  recentSearches: (): Promise<RecentSearch[]> => App.RecentSearches(),
  forgetSearches: (): Promise<void> => App.ForgetSearches(),
  unindexed: (): Promise<number> => App.Unindexed(),
  /** keyframeURL fetches a keyframe once (kept on disk) and returns the URL it shows from. */
  keyframeURL: (bucket: string, blob: string): Promise<string> => App.KeyframeURL(bucket, blob),
  choosePicture: (): Promise<string> => App.ChoosePicture(),
  videoTranscript: (no: string, captions: boolean, fresh: boolean): Promise<VideoText> => App.VideoTranscript(no, captions, fresh),
  videoSummary: (no: string, fresh: boolean): Promise<VideoChapters> => App.VideoSummary(no, fresh),
  /** exportTranscript asks where to save (native dialog) and writes; '' when cancelled. */
  exportTranscript: (no: string, name: string, format: string, captions: boolean): Promise<string> =>
    App.ExportTranscript(no, name, format, captions),
  /** exportChapters saves a video's chapters as timed cues, as exportTranscript does. */
  exportChapters: (no: string, name: string, format: string): Promise<string> => App.ExportChapters(no, name, format),
  // transfers and history
  jobs: (q: JobQuery): Promise<JobPage> => App.Jobs(q),
  pauseJob: (id: number): Promise<void> => App.PauseJob(id),
  resumeJob: (id: number): Promise<void> => App.ResumeJob(id),
  cancelJob: (id: number): Promise<void> => App.CancelJob(id),
  retryJob: (id: number): Promise<void> => App.RetryJob(id),
  pauseAll: (): Promise<number> => App.PauseAll(),
  resumeAll: (): Promise<number> => App.ResumeAll(),
  /** retryFailed retries every failed job; downloads whose names are taken get choice, or are listed in taken. */
  retryFailed: (choice: string): Promise<RetryAll> => App.RetryFailed(choice),
  interrupted: (): Promise<JobView[]> => App.Interrupted(),
  resumeInterrupted: (): Promise<number> => App.ResumeInterrupted(),
  discardInterrupted: (): Promise<number> => App.DiscardInterrupted(),
  exportHistory: (): Promise<string> => App.ExportHistory(),
  revealInFolder: (path: string): Promise<void> => App.RevealInFolder(path),
  /** downloadSHA256 computes a finished download's SHA-256 on request (kept in its record); cancelSHA256 stops it. */
  downloadSHA256: (id: number): Promise<string> => App.DownloadSHA256(id),
  cancelSHA256: (id: number): Promise<void> => App.CancelSHA256(id),
  copyText: (text: string): Promise<boolean> => ClipboardSetText(text),
  // events
  onStatus: (cb: (s: Status) => void): (() => void) => EventsOn(EventName.StatusChanged, cb),
  /** onQuitRequested: the window was closed while transfers run; payload: how many. */
  onQuitRequested: (cb: (running: number) => void): (() => void) => EventsOn(EventName.QuitRequested, cb),
  onJob: (cb: (j: JobView) => void): (() => void) => EventsOn(EventName.TransferJob, cb),
  onProgress: (cb: (batch: Progress[]) => void): (() => void) => EventsOn(EventName.TransferProgress, cb),
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
    return { code: ErrorCode.Internal, message: e };
  }
  return { code: ErrorCode.Internal, message: e instanceof Error ? e.message : String(e) };
}
