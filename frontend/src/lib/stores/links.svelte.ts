import { bridge } from '../bridge';
import type { contract } from '../../../wailsjs/go/models';
import { followScope, newMeta } from './uploads.svelte';

export type ImportTab = 'links' | 'url';

/** An import task queued from the link box, with what the plan said it holds. */
export interface CreatedTask {
  job: contract.JobView;
  platform?: string;
  links?: number;
}

/** The import qualities the service accepts; only YouTube honours them. */
export const qualities = ['360', '480', '720', '1080', '1440', '2160'] as const;

// The Import view's state, kept outside the view so switching views loses nothing: the link box,
// its options, the tasks created by the last imports, and the Direct URL form.
// (The Import view owns this store; the app root calls appendFiles for .txt/.csv files dropped
// while Import is open.)
class LinksStore {
  tab = $state<ImportTab>('links');
  text = $state('');
  quality = $state('720');
  callback = $state('');
  /** Import tasks created in this session, newest first, as returned when they were queued. */
  created = $state.raw<CreatedTask[]>([]);
  url = $state('');
  urlMeta = $state<contract.Meta>(newMeta());
  #seeded = '';

  /**
   * appendFiles reads .txt/.csv link lists into the box. A file without a single web link (a
   * folder's notes.txt) is left out and named in the answer, so its lines never pose as links.
   */
  async appendFiles(paths: string[]): Promise<{ added: number; without: string[] }> {
    const without: string[] = [];
    let added = 0;
    for (const path of paths) {
      const text = await bridge.readLinksFile(path);
      const plan = await bridge.planLinks(text);
      if ((plan.links?.length ?? 0) + (plan.duplicates?.length ?? 0) === 0) {
        without.push(path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1));
        continue;
      }
      this.appendText(text);
      added++;
    }
    return { added, without };
  }

  /** appendText adds body on a new line after what is already in the box. */
  appendText(body: string) {
    if (!body) return;
    this.text = this.text ? `${this.text.replace(/\n*$/, '')}\n${body}` : body;
  }

  /** seedScope follows the current scope from the settings until the user types another one. */
  seedScope(scope: string) {
    this.#seeded = followScope(this.urlMeta, this.#seeded, scope);
  }

  /** reset forgets everything (a fresh start, as after launch). */
  reset() {
    this.tab = 'links';
    this.text = this.callback = this.url = '';
    this.quality = '720';
    this.created = [];
    this.urlMeta = newMeta();
    this.#seeded = '';
  }

  addCreated(tasks: CreatedTask[]) {
    this.created = [...tasks, ...this.created];
  }
}

export const links = new LinksStore();
