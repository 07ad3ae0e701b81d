// A job waiting to try again after a failure that may pass (the backend's JobView.retry): why,
// until when and how many tries are left, in the words the Transfers rows and header share.
import type { contract } from '../../wailsjs/go/models';
import { JobState } from './bridge/contract';
import { formatClock, formatIn } from './format';
import { t } from './i18n/i18n.svelte';

export type Retry = NonNullable<contract.JobView['retry']>;

/** retryOf is the job's wait to try again while it has one (only a running job can). */
export function retryOf(job: contract.JobView): Retry | null {
  return job.state === JobState.Running && job.retry ? job.retry : null;
}

/**
 * retryText is "Retrying in 8 s (connection refused) · try 3 of 5", or for a rate limit, which
 * is waited out however long the service asks, "Rate-limited until 21:43 · tries again in 7 s".
 */
export function retryText(r: Retry, now: number): string {
  const left = r.at - now;
  if (r.rateLimited) {
    const again = left <= 500 ? t('retry.limitedNow') : t('retry.limitedIn', { wait: formatIn(left) });
    return t('retry.limitedFull', { when: retryHead(r, now), again });
  }
  return r.of > 0 ? t('retry.fullTries', { head: retryHead(r, now), n: r.failures + 1, of: r.of }) : retryHead(r, now);
}

/** retryHead is retryText without the tries: "Retrying in 8 s (connection refused)", "Rate-limited until 21:43". */
export function retryHead(r: Retry, now: number): string {
  const left = r.at - now;
  if (r.rateLimited) return t('retry.limitedUntil', { time: formatClock(r.at) });
  const when = left > 500 ? t('retry.in', { wait: formatIn(left) }) : t('retry.now');
  return t('retry.full', { when, cause: r.cause });
}
