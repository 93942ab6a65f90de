// A caret colour per person, stable across devices: derived from the token's person id.
const COLORS = ['#c62828', '#1565c0', '#2e7d32', '#6a1b9a', '#ef6c00', '#00838f', '#ad1457', '#4e342e', '#283593', '#558b2f'] as const;

export function userColor(personId: string): string {
  let hash = 0;
  for (let i = 0; i < personId.length; i++) hash = (hash * 31 + personId.charCodeAt(i)) >>> 0;
  return COLORS[hash % COLORS.length] ?? COLORS[0];
}
