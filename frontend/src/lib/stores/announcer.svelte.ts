// What a screen reader hears of changes that no focused control says: transfer progress and
// retries. Finished batches, failures and the connection have live regions of their own (Toasts,
// ErrorNotice, the status bar). Progress moves about 4 times a second; read out that often it
// would drown everything else, so a line under a key is read at most once per its interval.

/** progressEvery is how often transfer progress is read out at most, whatever the jobs. */
export const progressEvery = 10_000;

class Announcer {
  /** The line the polite live region reads; count changes with every line, even a repeated one. */
  text = $state('');
  count = $state(0);
  #last = new Map<string, number>();

  /** say reads text out now. */
  say(text: string) {
    this.text = text;
    this.count++;
  }

  /** sayEvery reads text out unless a line under key was read less than every ms ago. */
  sayEvery(key: string, text: string, every: number, now = Date.now()): boolean {
    const last = this.#last.get(key);
    if (last !== undefined && now - last < every) return false;
    this.#last.set(key, now);
    this.say(text);
    return true;
  }
}

export const announcer = new Announcer();
