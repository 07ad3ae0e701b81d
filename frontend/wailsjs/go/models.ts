export namespace choice {
	
	export enum Choice {
	    Replace = "replace",
	    KeepBoth = "keep",
	    Skip = "skip",
	}

}

export namespace conn {
	
	export enum State {
	    Checking = "checking",
	    Connected = "connected",
	    Rejected = "rejected",
	    Unreachable = "unreachable",
	    RateLimited = "rate-limited",
	}

}

export namespace contract {
	
	export class CachedVideo {
	    videoNo: string;
	    name: string;
	    title?: string;
	    scope: string;
	    status: string;
	    cause?: string;
	    size: number;
	    duration: number;
	    tags?: string[];
	    created: number;
	    sourceJob?: number;
	    updated: number;
	
	    static createFrom(source: any = {}) {
	        return new CachedVideo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.videoNo = source["videoNo"];
	        this.name = source["name"];
	        this.title = source["title"];
	        this.scope = source["scope"];
	        this.status = source["status"];
	        this.cause = source["cause"];
	        this.size = source["size"];
	        this.duration = source["duration"];
	        this.tags = source["tags"];
	        this.created = source["created"];
	        this.sourceJob = source["sourceJob"];
	        this.updated = source["updated"];
	    }
	}
	export class Chapter {
	    title: string;
	    description: string;
	    start: number;
	    end: number;
	
	    static createFrom(source: any = {}) {
	        return new Chapter(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.title = source["title"];
	        this.description = source["description"];
	        this.start = source["start"];
	        this.end = source["end"];
	    }
	}
	export class ErrorInfo {
	    code: string;
	    message: string;
	    field?: string;
	    next?: string;
	    detail?: string;
	    key?: string;
	    nextKey?: string;
	    params?: Record<string, any>;
	    retryAt?: number;
	
	    static createFrom(source: any = {}) {
	        return new ErrorInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.field = source["field"];
	        this.next = source["next"];
	        this.detail = source["detail"];
	        this.key = source["key"];
	        this.nextKey = source["nextKey"];
	        this.params = source["params"];
	        this.retryAt = source["retryAt"];
	    }
	}
	export class Connection {
	    ok: boolean;
	    mode: string;
	    tested: string;
	    state: string;
	    headline: string;
	    message: string;
	    retryAt: number;
	    error?: ErrorInfo;
	
	    static createFrom(source: any = {}) {
	        return new Connection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.mode = source["mode"];
	        this.tested = source["tested"];
	        this.state = source["state"];
	        this.headline = source["headline"];
	        this.message = source["message"];
	        this.retryAt = source["retryAt"];
	        this.error = this.convertValues(source["error"], ErrorInfo);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DownloadRequest {
	    ids?: string[];
	    asset?: boolean;
	    path: string;
	    folder: boolean;
	    replace: boolean;
	    choice?: string;
	    sha256?: boolean;
	
	    static createFrom(source: any = {}) {
	        return new DownloadRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ids = source["ids"];
	        this.asset = source["asset"];
	        this.path = source["path"];
	        this.folder = source["folder"];
	        this.replace = source["replace"];
	        this.choice = source["choice"];
	        this.sha256 = source["sha256"];
	    }
	}
	export class JobSubject {
	    file?: string;
	    url?: string;
	    platform?: string;
	    id?: string;
	    watch?: string;
	    links?: string[];
	
	    static createFrom(source: any = {}) {
	        return new JobSubject(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.file = source["file"];
	        this.url = source["url"];
	        this.platform = source["platform"];
	        this.id = source["id"];
	        this.watch = source["watch"];
	        this.links = source["links"];
	    }
	}
	export class RetryView {
	    at: number;
	    cause: string;
	    rateLimited: boolean;
	    failures: number;
	    of: number;
	
	    static createFrom(source: any = {}) {
	        return new RetryView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.cause = source["cause"];
	        this.rateLimited = source["rateLimited"];
	        this.failures = source["failures"];
	        this.of = source["of"];
	    }
	}
	export class Progress {
	    id: number;
	    done: number;
	    total: number;
	    speed: number;
	    eta: number;
	    percent: number;
	
	    static createFrom(source: any = {}) {
	        return new Progress(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.done = source["done"];
	        this.total = source["total"];
	        this.speed = source["speed"];
	        this.eta = source["eta"];
	        this.percent = source["percent"];
	    }
	}
	export class JobError {
	    code: string;
	    message: string;
	    key?: string;
	    nextKey?: string;
	    params?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new JobError(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.code = source["code"];
	        this.message = source["message"];
	        this.key = source["key"];
	        this.nextKey = source["nextKey"];
	        this.params = source["params"];
	    }
	}
	export class JobResult {
	    videoNos?: string[];
	    taskId?: string;
	    path?: string;
	    bytes?: number;
	    sha256?: string;
	    fingerprint?: string;
	    status?: string;
	
	    static createFrom(source: any = {}) {
	        return new JobResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.videoNos = source["videoNos"];
	        this.taskId = source["taskId"];
	        this.path = source["path"];
	        this.bytes = source["bytes"];
	        this.sha256 = source["sha256"];
	        this.fingerprint = source["fingerprint"];
	        this.status = source["status"];
	    }
	}
	export class JobView {
	    id: number;
	    kind: jobkind.JobKind;
	    state: jobstate.JobState;
	    scope: string;
	    name: string;
	    tags: string[];
	    created: number;
	    updated: number;
	    attempts: number;
	    result: JobResult;
	    error?: JobError;
	    progress?: Progress;
	    nextSlotMs: number;
	    place: number;
	    startsAt: number;
	    retry?: RetryView;
	    watch?: string;
	    subject?: JobSubject;
	    platform?: string;
	    links?: number;
	
	    static createFrom(source: any = {}) {
	        return new JobView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.id = source["id"];
	        this.kind = source["kind"];
	        this.state = source["state"];
	        this.scope = source["scope"];
	        this.name = source["name"];
	        this.tags = source["tags"];
	        this.created = source["created"];
	        this.updated = source["updated"];
	        this.attempts = source["attempts"];
	        this.result = this.convertValues(source["result"], JobResult);
	        this.error = this.convertValues(source["error"], JobError);
	        this.progress = this.convertValues(source["progress"], Progress);
	        this.nextSlotMs = source["nextSlotMs"];
	        this.place = source["place"];
	        this.startsAt = source["startsAt"];
	        this.retry = this.convertValues(source["retry"], RetryView);
	        this.watch = source["watch"];
	        this.subject = this.convertValues(source["subject"], JobSubject);
	        this.platform = source["platform"];
	        this.links = source["links"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class DownloadResult {
	    jobs: JobView[];
	    conflicts: string[];
	    target: DownloadRequest;
	
	    static createFrom(source: any = {}) {
	        return new DownloadResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobs = this.convertValues(source["jobs"], JobView);
	        this.conflicts = source["conflicts"];
	        this.target = this.convertValues(source["target"], DownloadRequest);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Duplicate {
	    path: string;
	    fingerprint: string;
	    kind: string;
	    videoNo: string;
	    at: number;
	    jobId: number;
	
	    static createFrom(source: any = {}) {
	        return new Duplicate(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.fingerprint = source["fingerprint"];
	        this.kind = source["kind"];
	        this.videoNo = source["videoNo"];
	        this.at = source["at"];
	        this.jobId = source["jobId"];
	    }
	}
	
	export class Fetched {
	    at: number;
	    cached: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Fetched(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.at = source["at"];
	        this.cached = source["cached"];
	    }
	}
	export class FileMeta {
	    takenAt?: string;
	    camera?: string;
	    latitude?: number;
	    longitude?: number;
	
	    static createFrom(source: any = {}) {
	        return new FileMeta(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.takenAt = source["takenAt"];
	        this.camera = source["camera"];
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	    }
	}
	export class Meta {
	    scope: string;
	    tags: string[];
	    takenAt: string;
	    camera: string;
	    latitude?: number;
	    longitude?: number;
	    prompt: string;
	    callback: string;
	    retainOriginal: boolean;
	    fileMeta: boolean;
	
	    static createFrom(source: any = {}) {
	        return new Meta(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = source["scope"];
	        this.tags = source["tags"];
	        this.takenAt = source["takenAt"];
	        this.camera = source["camera"];
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	        this.prompt = source["prompt"];
	        this.callback = source["callback"];
	        this.retainOriginal = source["retainOriginal"];
	        this.fileMeta = source["fileMeta"];
	    }
	}
	export class FileUpload {
	    path: string;
	    override?: Meta;
	
	    static createFrom(source: any = {}) {
	        return new FileUpload(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.override = this.convertValues(source["override"], Meta);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class ImportRequest {
	    text: string;
	    quality: string;
	    callback: string;
	
	    static createFrom(source: any = {}) {
	        return new ImportRequest(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.text = source["text"];
	        this.quality = source["quality"];
	        this.callback = source["callback"];
	    }
	}
	export class ImportTask {
	    platform: string;
	    links: string[];
	
	    static createFrom(source: any = {}) {
	        return new ImportTask(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.platform = source["platform"];
	        this.links = source["links"];
	    }
	}
	
	export class JobPage {
	    jobs: JobView[];
	    nextCursor: string;
	    damaged: number[];
	
	    static createFrom(source: any = {}) {
	        return new JobPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.jobs = this.convertValues(source["jobs"], JobView);
	        this.nextCursor = source["nextCursor"];
	        this.damaged = source["damaged"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class JobQuery {
	    kinds: string[];
	    states: string[];
	    text: string;
	    cursor: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new JobQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kinds = source["kinds"];
	        this.states = source["states"];
	        this.text = source["text"];
	        this.cursor = source["cursor"];
	        this.limit = source["limit"];
	    }
	}
	
	
	
	export class KeyInfo {
	    set: boolean;
	    masked: string;
	    storage: string;
	
	    static createFrom(source: any = {}) {
	        return new KeyInfo(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.set = source["set"];
	        this.masked = source["masked"];
	        this.storage = source["storage"];
	    }
	}
	export class Language {
	    tag: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Language(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.tag = source["tag"];
	        this.name = source["name"];
	    }
	}
	export class LibraryQuery {
	    status: string;
	    tag: string;
	    text: string;
	    after: number;
	    before: number;
	    sort: string;
	    cursor: string;
	    limit: number;
	
	    static createFrom(source: any = {}) {
	        return new LibraryQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.status = source["status"];
	        this.tag = source["tag"];
	        this.text = source["text"];
	        this.after = source["after"];
	        this.before = source["before"];
	        this.sort = source["sort"];
	        this.cursor = source["cursor"];
	        this.limit = source["limit"];
	    }
	}
	export class Link {
	    line: number;
	    raw: string;
	    canonical: string;
	    platform: string;
	    id: string;
	
	    static createFrom(source: any = {}) {
	        return new Link(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.raw = source["raw"];
	        this.canonical = source["canonical"];
	        this.platform = source["platform"];
	        this.id = source["id"];
	    }
	}
	export class LinkProblem {
	    line: number;
	    raw: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new LinkProblem(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.line = source["line"];
	        this.raw = source["raw"];
	        this.reason = source["reason"];
	    }
	}
	export class LinkPlan {
	    lines: number;
	    links: Link[];
	    duplicates: Link[];
	    problems: LinkProblem[];
	    tasks: ImportTask[];
	    summary: string;
	    warnings: string[];
	
	    static createFrom(source: any = {}) {
	        return new LinkPlan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.lines = source["lines"];
	        this.links = this.convertValues(source["links"], Link);
	        this.duplicates = this.convertValues(source["duplicates"], Link);
	        this.problems = this.convertValues(source["problems"], LinkProblem);
	        this.tasks = this.convertValues(source["tasks"], ImportTask);
	        this.summary = source["summary"];
	        this.warnings = source["warnings"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	
	export class Moment {
	    video_no: string;
	    video_name?: string;
	    start: number;
	    end: number;
	    score: number;
	    text?: string;
	    video_bucket?: string;
	    video_blob?: string;
	    keyframe_bucket?: string;
	    keyframe_blob?: string;
	    local_path?: string;
	
	    static createFrom(source: any = {}) {
	        return new Moment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.video_no = source["video_no"];
	        this.video_name = source["video_name"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.score = source["score"];
	        this.text = source["text"];
	        this.video_bucket = source["video_bucket"];
	        this.video_blob = source["video_blob"];
	        this.keyframe_bucket = source["keyframe_bucket"];
	        this.keyframe_blob = source["keyframe_blob"];
	        this.local_path = source["local_path"];
	    }
	}
	
	export class RecentSearch {
	    kind: string;
	    text: string;
	    at: number;
	
	    static createFrom(source: any = {}) {
	        return new RecentSearch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.kind = source["kind"];
	        this.text = source["text"];
	        this.at = source["at"];
	    }
	}
	export class RefreshResult {
	    count: number;
	    removed: number;
	
	    static createFrom(source: any = {}) {
	        return new RefreshResult(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.count = source["count"];
	        this.removed = source["removed"];
	    }
	}
	export class RetryAll {
	    retried: number;
	    taken: string[];
	
	    static createFrom(source: any = {}) {
	        return new RetryAll(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.retried = source["retried"];
	        this.taken = source["taken"];
	    }
	}
	
	export class Verdict {
	    path: string;
	    name: string;
	    size: number;
	    ok: boolean;
	    reason?: string;
	    reasonKey?: string;
	    reasonParams?: Record<string, string>;
	    code?: string;
	    warnings?: string[];
	    media?: media.Info;
	    fileMeta?: FileMeta;
	    preview?: string;
	
	    static createFrom(source: any = {}) {
	        return new Verdict(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.name = source["name"];
	        this.size = source["size"];
	        this.ok = source["ok"];
	        this.reason = source["reason"];
	        this.reasonKey = source["reasonKey"];
	        this.reasonParams = source["reasonParams"];
	        this.code = source["code"];
	        this.warnings = source["warnings"];
	        this.media = this.convertValues(source["media"], media.Info);
	        this.fileMeta = this.convertValues(source["fileMeta"], FileMeta);
	        this.preview = source["preview"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Scan {
	    files: Verdict[];
	    skipped: Verdict[];
	
	    static createFrom(source: any = {}) {
	        return new Scan(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.files = this.convertValues(source["files"], Verdict);
	        this.skipped = this.convertValues(source["skipped"], Verdict);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SearchAnswer {
	    moments: Moment[];
	    page?: number;
	    total?: number;
	    at: number;
	    cached: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SearchAnswer(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.moments = this.convertValues(source["moments"], Moment);
	        this.page = source["page"];
	        this.total = source["total"];
	        this.at = source["at"];
	        this.cached = source["cached"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SearchQuery {
	    mode: string;
	    text: string;
	    image: string;
	    scope: string;
	    level: string;
	    tag: string;
	    camera: string;
	    taken: string;
	    latitude?: number;
	    longitude?: number;
	    page: number;
	    fresh: boolean;
	
	    static createFrom(source: any = {}) {
	        return new SearchQuery(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.text = source["text"];
	        this.image = source["image"];
	        this.scope = source["scope"];
	        this.level = source["level"];
	        this.tag = source["tag"];
	        this.camera = source["camera"];
	        this.taken = source["taken"];
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	        this.page = source["page"];
	        this.fresh = source["fresh"];
	    }
	}
	export class Segment {
	    index: number;
	    start: number;
	    end: number;
	    text: string;
	
	    static createFrom(source: any = {}) {
	        return new Segment(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.index = source["index"];
	        this.start = source["start"];
	        this.end = source["end"];
	        this.text = source["text"];
	    }
	}
	export class Selection {
	    query: LibraryQuery;
	    except: string[];
	    expect: number;
	
	    static createFrom(source: any = {}) {
	        return new Selection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.query = this.convertValues(source["query"], LibraryQuery);
	        this.except = source["except"];
	        this.expect = source["expect"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Settings {
	    scope: string;
	    baseUrl: string;
	    assetBaseUrl: string;
	    downloadDir: string;
	    sandbox: boolean;
	    theme: string;
	    language?: string;
	    concurrency: number;
	    pacing: boolean;
	    historyDays: number;
	    notificationsOff?: boolean;
	    pickerDirs?: Record<string, string>;
	
	    static createFrom(source: any = {}) {
	        return new Settings(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.scope = source["scope"];
	        this.baseUrl = source["baseUrl"];
	        this.assetBaseUrl = source["assetBaseUrl"];
	        this.downloadDir = source["downloadDir"];
	        this.sandbox = source["sandbox"];
	        this.theme = source["theme"];
	        this.language = source["language"];
	        this.concurrency = source["concurrency"];
	        this.pacing = source["pacing"];
	        this.historyDays = source["historyDays"];
	        this.notificationsOff = source["notificationsOff"];
	        this.pickerDirs = source["pickerDirs"];
	    }
	}
	export class Status {
	    mode: string;
	    scope: string;
	    baseUrl: string;
	    dataDir: string;
	    sandboxForced: boolean;
	    profile: string;
	    connection: string;
	    connectionDetail: string;
	    lastOk: number;
	    retryAt: number;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.scope = source["scope"];
	        this.baseUrl = source["baseUrl"];
	        this.dataDir = source["dataDir"];
	        this.sandboxForced = source["sandboxForced"];
	        this.profile = source["profile"];
	        this.connection = source["connection"];
	        this.connectionDetail = source["connectionDetail"];
	        this.lastOk = source["lastOk"];
	        this.retryAt = source["retryAt"];
	    }
	}
	export class Summary {
	    summary: string;
	    items: Chapter[];
	
	    static createFrom(source: any = {}) {
	        return new Summary(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.summary = source["summary"];
	        this.items = this.convertValues(source["items"], Chapter);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Transcript {
	    video_no: string;
	    segments: Segment[];
	
	    static createFrom(source: any = {}) {
	        return new Transcript(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.video_no = source["video_no"];
	        this.segments = this.convertValues(source["segments"], Segment);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UploadBatch {
	    files: FileUpload[];
	    anyCodec?: boolean;
	    meta: Meta;
	
	    static createFrom(source: any = {}) {
	        return new UploadBatch(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.files = this.convertValues(source["files"], FileUpload);
	        this.anyCodec = source["anyCodec"];
	        this.meta = this.convertValues(source["meta"], Meta);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class UploadRules {
	    formats: formats.Format[];
	    extensions: string;
	    maxFileSize: number;
	    maxSizeText: string;
	
	    static createFrom(source: any = {}) {
	        return new UploadRules(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.formats = this.convertValues(source["formats"], formats.Format);
	        this.extensions = source["extensions"];
	        this.maxFileSize = source["maxFileSize"];
	        this.maxSizeText = source["maxSizeText"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	
	export class VideoDetails {
	    videoNo: string;
	    name: string;
	    status: string;
	    cause: string;
	    duration: number;
	    size: number;
	    createTime: number;
	    datetimeTaken: number;
	    cameraModel: string;
	    latitude?: number;
	    longitude?: number;
	    tags: string[];
	    bucket: string;
	    blob: string;
	    videoUrl: string;
	    resolution: string;
	    fps: number;
	    width: number;
	    height: number;
	
	    static createFrom(source: any = {}) {
	        return new VideoDetails(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.videoNo = source["videoNo"];
	        this.name = source["name"];
	        this.status = source["status"];
	        this.cause = source["cause"];
	        this.duration = source["duration"];
	        this.size = source["size"];
	        this.createTime = source["createTime"];
	        this.datetimeTaken = source["datetimeTaken"];
	        this.cameraModel = source["cameraModel"];
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	        this.tags = source["tags"];
	        this.bucket = source["bucket"];
	        this.blob = source["blob"];
	        this.videoUrl = source["videoUrl"];
	        this.resolution = source["resolution"];
	        this.fps = source["fps"];
	        this.width = source["width"];
	        this.height = source["height"];
	    }
	}
	export class VideoPage {
	    videos: CachedVideo[];
	    nextCursor: string;
	    total: number;
	
	    static createFrom(source: any = {}) {
	        return new VideoPage(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.videos = this.convertValues(source["videos"], CachedVideo);
	        this.nextCursor = source["nextCursor"];
	        this.total = source["total"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WatchConfig {
	    name: string;
	    folder: string;
	    recursive: boolean;
	    include: string[];
	    exclude: string[];
	    scope: string;
	    tags: string[];
	    after: string;
	    deleteConfirmed: boolean;
	    settleMs: number;
	    paused: boolean;
	    created: number;
	
	    static createFrom(source: any = {}) {
	        return new WatchConfig(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.name = source["name"];
	        this.folder = source["folder"];
	        this.recursive = source["recursive"];
	        this.include = source["include"];
	        this.exclude = source["exclude"];
	        this.scope = source["scope"];
	        this.tags = source["tags"];
	        this.after = source["after"];
	        this.deleteConfirmed = source["deleteConfirmed"];
	        this.settleMs = source["settleMs"];
	        this.paused = source["paused"];
	        this.created = source["created"];
	    }
	}
	export class WatchIssue {
	    path: string;
	    reason: string;
	
	    static createFrom(source: any = {}) {
	        return new WatchIssue(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.path = source["path"];
	        this.reason = source["reason"];
	    }
	}
	export class WatchStats {
	    seen: number;
	    uploaded: number;
	    duplicates: number;
	    waiting: number;
	    skipped: number;
	    failed: number;
	    lastActivity: number;
	    refused: WatchIssue[];
	
	    static createFrom(source: any = {}) {
	        return new WatchStats(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.seen = source["seen"];
	        this.uploaded = source["uploaded"];
	        this.duplicates = source["duplicates"];
	        this.waiting = source["waiting"];
	        this.skipped = source["skipped"];
	        this.failed = source["failed"];
	        this.lastActivity = source["lastActivity"];
	        this.refused = this.convertValues(source["refused"], WatchIssue);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace errcode {
	
	export enum Code {
	    InvalidInput = "invalid_input",
	    Unauthorized = "unauthorized",
	    Permission = "permission",
	    NoCredits = "no_credits",
	    Forbidden = "forbidden",
	    RateLimited = "rate_limited",
	    NotFound = "not_found",
	    Conflict = "conflict",
	    BadRequest = "bad_request",
	    Server = "server",
	    Unreachable = "unreachable",
	    Unexpected = "unexpected",
	    InvalidField = "invalid_field",
	    Locked = "locked",
	    Internal = "internal",
	    DiskFull = "disk_full",
	    TooSlow = "too_slow",
	    NoData = "no_data",
	    Truncated = "truncated",
	    NoFolder = "no_folder",
	    Exists = "exists",
	    NotRegular = "not_regular",
	    NotWritable = "not_writable",
	    MaybeSent = "maybe_sent",
	}

}

export namespace events {
	
	export enum Name {
	    StatusChanged = "status:changed",
	    QuitRequested = "quit:requested",
	    TransferJob = "transfer:job",
	    TransferProgress = "transfer:progress",
	    LibraryChanged = "library:changed",
	    OpenPaths = "app:open-paths",
	    WatchChanged = "watch:changed",
	}

}

export namespace formats {
	
	export class Format {
	    ext: string;
	    mime: string;
	    name: string;
	
	    static createFrom(source: any = {}) {
	        return new Format(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ext = source["ext"];
	        this.mime = source["mime"];
	        this.name = source["name"];
	    }
	}

}

export namespace jobkind {
	
	export enum JobKind {
	    UploadFile = "upload_file",
	    UploadURL = "upload_url",
	    Import = "import",
	    Download = "download",
	    DownloadAsset = "download_asset",
	}

}

export namespace jobstate {
	
	export enum JobState {
	    Queued = "queued",
	    Running = "running",
	    Paused = "paused",
	    Interrupted = "interrupted",
	    Done = "done",
	    Failed = "failed",
	    Canceled = "canceled",
	}

}

export namespace main {
	
	export class SettingsState {
	    settings: contract.Settings;
	    key: contract.KeyInfo;
	    dataDir: string;
	    version: string;
	    logFile: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.settings = this.convertValues(source["settings"], contract.Settings);
	        this.key = this.convertValues(source["key"], contract.KeyInfo);
	        this.dataDir = source["dataDir"];
	        this.version = source["version"];
	        this.logFile = source["logFile"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class SystemState {
	    notifications: boolean;
	    startAtLogin: boolean;
	    canStart: boolean;
	    loginEntry: string;
	    note?: string;
	
	    static createFrom(source: any = {}) {
	        return new SystemState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.notifications = source["notifications"];
	        this.startAtLogin = source["startAtLogin"];
	        this.canStart = source["canStart"];
	        this.loginEntry = source["loginEntry"];
	        this.note = source["note"];
	    }
	}
	export class VideoChapters {
	    summary?: contract.Summary;
	    fetched: contract.Fetched;
	
	    static createFrom(source: any = {}) {
	        return new VideoChapters(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.summary = this.convertValues(source["summary"], contract.Summary);
	        this.fetched = this.convertValues(source["fetched"], contract.Fetched);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class VideoText {
	    transcript?: contract.Transcript;
	    fetched: contract.Fetched;
	
	    static createFrom(source: any = {}) {
	        return new VideoText(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.transcript = this.convertValues(source["transcript"], contract.Transcript);
	        this.fetched = this.convertValues(source["fetched"], contract.Fetched);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WatchDefaults {
	    config: contract.WatchConfig;
	    deleteWord: string;
	    uploadedDir: string;
	
	    static createFrom(source: any = {}) {
	        return new WatchDefaults(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.config = this.convertValues(source["config"], contract.WatchConfig);
	        this.deleteWord = source["deleteWord"];
	        this.uploadedDir = source["uploadedDir"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class WatchView {
	    config: contract.WatchConfig;
	    stats: contract.WatchStats;
	    state: string;
	    error: string;
	    folders: number;
	    limit: string;
	    problem: string;
	    uploadEveryMs: number;
	    etaMs: number;
	
	    static createFrom(source: any = {}) {
	        return new WatchView(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.config = this.convertValues(source["config"], contract.WatchConfig);
	        this.stats = this.convertValues(source["stats"], contract.WatchStats);
	        this.state = source["state"];
	        this.error = source["error"];
	        this.folders = source["folders"];
	        this.limit = source["limit"];
	        this.problem = source["problem"];
	        this.uploadEveryMs = source["uploadEveryMs"];
	        this.etaMs = source["etaMs"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace media {
	
	export class Capture {
	    // Go type: time
	    takenAt?: any;
	    latitude?: number;
	    longitude?: number;
	    make?: string;
	    model?: string;
	
	    static createFrom(source: any = {}) {
	        return new Capture(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.takenAt = this.convertValues(source["takenAt"], null);
	        this.latitude = source["latitude"];
	        this.longitude = source["longitude"];
	        this.make = source["make"];
	        this.model = source["model"];
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}
	export class Info {
	    container: string;
	    videoCodec: string;
	    codecName: string;
	    durationSec: number;
	    width: number;
	    height: number;
	    frameRate: number;
	    hasAudio: boolean;
	    capture: Capture;
	
	    static createFrom(source: any = {}) {
	        return new Info(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.container = source["container"];
	        this.videoCodec = source["videoCodec"];
	        this.codecName = source["codecName"];
	        this.durationSec = source["durationSec"];
	        this.width = source["width"];
	        this.height = source["height"];
	        this.frameRate = source["frameRate"];
	        this.hasAudio = source["hasAudio"];
	        this.capture = this.convertValues(source["capture"], Capture);
	    }
	
		convertValues(a: any, classs: any, asMap: boolean = false): any {
		    if (!a) {
		        return a;
		    }
		    if (a.slice && a.map) {
		        return (a as any[]).map(elem => this.convertValues(elem, classs));
		    } else if ("object" === typeof a) {
		        if (asMap) {
		            for (const key of Object.keys(a)) {
		                a[key] = new classs(a[key]);
		            }
		            return a;
		        }
		        return new classs(a);
		    }
		    return a;
		}
	}

}

export namespace mode {
	
	export enum Mode {
	    Live = "live",
	    Sandbox = "sandbox",
	    NoKey = "no-key",
	}

}

