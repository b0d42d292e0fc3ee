// What every answer of the authorisation matrix's walk must carry (authorisation-matrix.test.ts):
// an HTML page its security headers, with a CSP nonce that each of its scripts carries; every
// answer about someone no caching; every cookie HttpOnly, Secure and SameSite=Lax.
import type { LightMyRequestResponse } from 'fastify'

/**
 * What is wrong with this answer's headers (nothing: an empty list). Only what anyone may read and
 * is not a page (the API's description, the directory feed, the icon) may be kept by a cache.
 */
export function headerProblems(res: LightMyRequestResponse, { open = false } = {}): string[] {
  const problems: string[] = []
  const header = (name: string) => String(res.headers[name] ?? '')
  const page = header('content-type').startsWith('text/html')
  if ((page || !open) && !header('cache-control').includes('no-store')) problems.push('cache-control is not no-store')
  if (header('x-content-type-options') !== 'nosniff') problems.push('no X-Content-Type-Options: nosniff')
  if (!/max-age=\d{7,}/.test(header('strict-transport-security'))) problems.push('no Strict-Transport-Security')
  if (!page) return problems
  const csp = header('content-security-policy')
  const directives = new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .map(([name, ...values]) => [name!, values]),
  )
  if (directives.get('default-src')?.join(' ') !== "'self'") problems.push(`CSP default-src: ${csp}`)
  if (directives.get('frame-ancestors')?.join(' ') !== "'none'") problems.push(`CSP frame-ancestors: ${csp}`)
  if (directives.get('form-action')?.join(' ') !== "'self'") problems.push(`CSP form-action: ${csp}`)
  const nonce = /'nonce-([^']+)'/.exec(directives.get('script-src')?.join(' ') ?? '')?.[1]
  if (!nonce || nonce.length < 16) problems.push(`no CSP nonce for scripts: ${csp}`)
  if (directives.get('script-src')?.some((v) => v === "'unsafe-inline'" || v === "'unsafe-eval'"))
    problems.push(`CSP allows inline scripts: ${csp}`)
  // Every inline script carries the nonce (an external one comes from 'self').
  for (const [tag] of res.body.matchAll(/<script\b[^>]*>/g))
    if (!tag.includes(' src=') && !tag.includes(`nonce="${nonce}"`)) problems.push(`a script without the nonce: ${tag}`)
  if (!header('x-frame-options')) problems.push('no X-Frame-Options')
  if (header('referrer-policy') !== 'no-referrer') problems.push(`Referrer-Policy: ${header('referrer-policy')}`)
  return problems
}

/** What is wrong with the cookies this answer sets. */
export function cookieProblems(res: LightMyRequestResponse): string[] {
  const problems: string[] = []
  for (const cookie of [res.headers['set-cookie'] ?? []].flat()) {
    const [nameValue, ...attributes] = cookie.split(';').map((a) => a.trim().toLowerCase())
    const has = (a: string) => attributes.includes(a)
    if (!has('httponly') || !has('secure') || !has('samesite=lax'))
      problems.push(
        `a cookie without HttpOnly; Secure; SameSite=Lax: ${nameValue!.split('=')[0]}; ${attributes.join('; ')}`,
      )
  }
  return problems
}
