// One shared once-a-second tick for every "next upload slot in 0:43" countdown, so a queue of
// hundreds of paced jobs runs one timer, and none at all when nothing waits. It never calls the
// backend: the countdown runs down locally from the nextSlotMs of the job's last event.
class Clock {
  now = $state(Date.now());
  #users = 0;
  #timer: ReturnType<typeof setInterval> | undefined;

  /** use starts the tick for one more user and returns the matching release. */
  use(): () => void {
    if (this.#users++ === 0) {
      this.now = Date.now();
      this.#timer = setInterval(() => (this.now = Date.now()), 1000);
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      if (--this.#users === 0) clearInterval(this.#timer);
    };
  }
}

export const clock = new Clock();
