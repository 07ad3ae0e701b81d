// Which language the app starts in: the one Settings names, else the system's (Go reads LANG and
// LC_*; the web view's own guess is the fallback when the backend cannot say).
import { bridge } from '../bridge';
import { language, matchLanguage } from './i18n.svelte';

/** startLanguage sets the system language and applies the saved choice; it never throws. */
export async function startLanguage(): Promise<void> {
  const [system, state] = await Promise.allSettled([bridge.systemLocale(), bridge.getSettings()]);
  const locale = system.status === 'fulfilled' ? system.value : (globalThis.navigator?.language ?? '');
  language.system = matchLanguage(locale);
  language.systemLocale = locale;
  language.use(state.status === 'fulfilled' ? (state.value.settings.language ?? '') : '');
}
