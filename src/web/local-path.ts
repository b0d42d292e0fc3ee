// Where a "next" address may lead after signing in: only a page of Parley. A browser reads
// `//host`, `/\host`, `/<tab>/host` and `\\host` as another site, and `https://host` plainly is one,
// so the address is read as a browser would (WHATWG URL, against a stand-in origin) and kept only
// when it stays on that origin; what is returned is the parsed path, query and fragment, re-checked
// so that a path the parser tidied into `//host` (from `/.//host`) is refused too.

const origin = 'https://parley.invalid'

/** `next` if it is a path on this site, else `home`. */
export function localPath(next: unknown, home: string): string {
  if (typeof next !== 'string' || !next.startsWith('/') || next.length > 2000) return home
  // Backslashes and control characters have no place in a path we made; browsers bend them.
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(next)) return home
  let url: URL
  try {
    url = new URL(next, origin)
  } catch {
    return home
  }
  if (url.origin !== origin) return home
  const path = `${url.pathname}${url.search}${url.hash}`
  return /^\/(?![/\\])/.test(path) ? path : home
}
