/**
 * Reads a parameter from the URL fragment (`/join#code=…`). Codes travel in the fragment so they
 * never reach server logs or Referer headers.
 */
export function hashParam(hash: string, name: string): string | null {
  const params = new URLSearchParams(hash.startsWith('#') ? hash.slice(1) : hash);
  const value = params.get(name);
  return value && value.trim().length > 0 ? value.trim() : null;
}
