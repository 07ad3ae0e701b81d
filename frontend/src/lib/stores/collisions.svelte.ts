import { bridge } from '../bridge';
import type { contract } from '../../../wailsjs/go/models';
import { Choice, ErrorCode } from '../bridge/contract';

/** The file names a download found taken, while the app asks what to do with them. */
interface Question {
  names: string[];
  answer: (c: Choice | null) => void;
}

// One question at a time, answered by CollisionPrompt (mounted once, in App.svelte).
class Collisions {
  asking = $state.raw<Question | null>(null);

  /** ask shows the prompt for names and resolves with the choice, or null when dismissed. */
  ask(names: string[]): Promise<Choice | null> {
    this.asking?.answer(null);
    return new Promise((resolve) => {
      this.asking = { names, answer: (c) => { this.asking = null; resolve(c); } };
    });
  }
}

export const collisions = new Collisions();

/**
 * retryJob retries a job; a download that failed because its file name was taken asks first
 * (replace, keep both, skip) instead of failing the same way again. False: nothing was retried.
 */
export async function retryJob(j: contract.JobView): Promise<boolean> {
  if (j.error?.code !== ErrorCode.Exists) {
    await bridge.retryJob(j.id);
    return true;
  }
  const choice = await collisions.ask([j.name]);
  if (!choice || choice === Choice.Skip) return false;
  await bridge.retryDownload(j.id, choice);
  return true;
}

/**
 * retryAllFailed retries every failed job; downloads that failed because their names are taken
 * wait for one answer for all of them (as retryJob asks for one). Resolves with how many were queued.
 */
export async function retryAllFailed(): Promise<number> {
  const first = await bridge.retryFailed('');
  if (first.taken.length === 0) return first.retried;
  const choice = await collisions.ask(first.taken);
  if (!choice || choice === Choice.Skip) return first.retried;
  return first.retried + (await bridge.retryFailed(choice)).retried;
}
