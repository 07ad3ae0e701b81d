import type { contract } from '../../wailsjs/go/models';
import { formatDecimal, formatDuration } from './format';
import { t } from './i18n/i18n.svelte';

/** mediaSummary describes what the container holds: "H.264 · 1920×1080 · 30 fps · 1:05". */
export function mediaSummary(v: contract.Verdict): string {
  const m = v.media;
  if (!m) return '';
  const parts = [m.codecName];
  if (m.width && m.height) parts.push(t('details.pixels', { width: String(m.width), height: String(m.height) }));
  if (m.frameRate) parts.push(t('details.fps', { fps: Math.round(m.frameRate * 100) / 100 }));
  if (m.durationSec) parts.push(formatDuration(Math.max(1, Math.round(m.durationSec))));
  return parts.join(' · ');
}

/** captureSummary lists the capture details the file holds: "taken …, Apple iPhone, 48.85, 2.29". */
export function captureSummary(v: contract.Verdict): string {
  const f = v.fileMeta;
  if (!f) return '';
  const parts: string[] = [];
  if (f.takenAt) parts.push(t('media.taken', { when: f.takenAt }));
  if (f.camera) parts.push(f.camera);
  if (f.latitude != null && f.longitude != null) {
    parts.push(t('media.at', { place: t('details.gps', { latitude: formatDecimal(f.latitude), longitude: formatDecimal(f.longitude) }) }));
  }
  return parts.join(' · ');
}

/** The capture details the batch form can take from a file, in the form's own terms. */
export interface FileDefaults {
  takenAt: string;
  camera: string;
  latitude?: number;
  longitude?: number;
}

/** fileDefaults is what the form shows for a single file ("YYYY-MM-DDTHH:MM:SS" for the time input). */
export function fileDefaults(v: contract.Verdict | undefined): FileDefaults {
  const f = v?.fileMeta;
  return { takenAt: (f?.takenAt ?? '').replace(' ', 'T'), camera: f?.camera ?? '',
    latitude: f?.latitude ?? undefined, longitude: f?.longitude ?? undefined };
}
