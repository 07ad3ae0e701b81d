const titles: Record<string, string> = { tiktok: 'TikTok', youtube: 'YouTube', instagram: 'Instagram' };

/** platformTitle renders a backend platform id ("youtube") as people write it ("YouTube"). */
export function platformTitle(id: string | undefined): string {
  return titles[id ?? ''] ?? id ?? '';
}
