export namespace core {
	
	export class ErrorInfo {
	    code: string;
	    message: string;
	    field?: string;
	    next?: string;
	    detail?: string;
	
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
	    }
	}
	export class Connection {
	    ok: boolean;
	    mode: string;
	    message: string;
	    scopes: string[];
	    error?: ErrorInfo;
	
	    static createFrom(source: any = {}) {
	        return new Connection(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.ok = source["ok"];
	        this.mode = source["mode"];
	        this.message = source["message"];
	        this.scopes = source["scopes"];
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
	
	export class Status {
	    mode: string;
	    scope: string;
	    baseUrl: string;
	    dataDir: string;
	
	    static createFrom(source: any = {}) {
	        return new Status(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.mode = source["mode"];
	        this.scope = source["scope"];
	        this.baseUrl = source["baseUrl"];
	        this.dataDir = source["dataDir"];
	    }
	}

}

export namespace main {
	
	export class SettingsState {
	    settings: settings.Settings;
	    key: settings.KeyInfo;
	    dataDir: string;
	
	    static createFrom(source: any = {}) {
	        return new SettingsState(source);
	    }
	
	    constructor(source: any = {}) {
	        if ('string' === typeof source) source = JSON.parse(source);
	        this.settings = this.convertValues(source["settings"], settings.Settings);
	        this.key = this.convertValues(source["key"], settings.KeyInfo);
	        this.dataDir = source["dataDir"];
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

export namespace settings {
	
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
	export class Settings {
	    scope: string;
	    baseUrl: string;
	    assetBaseUrl: string;
	    downloadDir: string;
	    sandbox: boolean;
	    theme: string;
	    concurrency: number;
	    pacing: boolean;
	
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
	        this.concurrency = source["concurrency"];
	        this.pacing = source["pacing"];
	    }
	}

}

