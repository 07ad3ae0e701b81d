import { bridge } from '../bridge';

// The Import view's link box text. (The Import view owns this store; the app root calls
// appendFiles for .txt/.csv files dropped while Import is open.)
class LinksStore {
  text = $state('');

  async appendFiles(paths: string[]) {
    for (const p of paths) {
      const body = await bridge.readLinksFile(p);
      this.text = this.text ? `${this.text.replace(/\n*$/, '')}\n${body}` : body;
    }
  }
}

export const links = new LinksStore();
