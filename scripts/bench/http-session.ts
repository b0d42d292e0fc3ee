// Signing in as a person would, through the real forms: a cookie jar, the CSRF token read from
// the page, and redirects followed by hand so that every cookie is kept.
import { Secret, TOTP } from 'otpauth'

export class Browser {
  private readonly cookies = new Map<string, string>()
  private readonly base: string

  constructor(base: string) {
    this.base = base
  }

  cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
  }

  private keep(res: Response) {
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';')
      const at = pair!.indexOf('=')
      this.cookies.set(pair!.slice(0, at).trim(), pair!.slice(at + 1).trim())
    }
  }

  async get(path: string): Promise<{ status: number; body: string; location?: string }> {
    const res = await fetch(this.base + path, { redirect: 'manual', headers: { cookie: this.cookieHeader() } })
    this.keep(res)
    return { status: res.status, body: await res.text(), location: res.headers.get('location') ?? undefined }
  }

  async post(path: string, form: Record<string, string>): Promise<{ status: number; body: string; location?: string }> {
    const res = await fetch(this.base + path, {
      method: 'POST',
      redirect: 'manual',
      headers: { cookie: this.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(form).toString(),
    })
    this.keep(res)
    return { status: res.status, body: await res.text(), location: res.headers.get('location') ?? undefined }
  }

  /** The _csrf value of the first form on the page. */
  static csrfOf(body: string): string {
    const token = /name="_csrf" value="([^"]+)"/.exec(body)?.[1]
    if (!token) throw new Error('The page has no CSRF token')
    return token
  }
}

/** The code an authenticator app set up with this key shows now. */
const codeNow = (key: string) =>
  new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(key.replace(/\s/g, '')) }).generate()

/**
 * Signs in and opens the page they land on (Today for the provider's staff, Reports for a
 * commissioner): the password, then setting up an authenticator app through its page (the bench
 * forgets the accounts' apps before each run, as their sealed secrets do not outlive the run).
 */
export async function signInStaff(base: string, email: string, password: string, home = '/today'): Promise<Browser> {
  const browser = new Browser(base)
  const page = await browser.get('/sign-in')
  const res = await browser.post('/sign-in', { _csrf: Browser.csrfOf(page.body), email, password })
  if (res.status !== 303 || res.location !== '/sign-in/second-factor') {
    throw new Error(`Signing in ${email} failed: ${res.status} ${res.location ?? ''}`)
  }
  const enrol = await browser.get('/sign-in/enrol')
  const key = /<code>([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1]
  if (!key) throw new Error(`No setup key on the enrolment page for ${email}`)
  const codes = await browser.post('/sign-in/enrol', { _csrf: Browser.csrfOf(enrol.body), code: codeNow(key) })
  if (codes.status !== 200) throw new Error(`Setting up the app for ${email} failed: ${codes.status}`)
  // Signed in now: the recovery codes page's Continue leads home.
  const landing = await browser.get(home)
  if (landing.status !== 200) throw new Error(`After signing in, ${home} answered ${landing.status}`)
  return browser
}

/** Asks for a portal sign-in link for this address; the link arrives in the outbox. */
export async function askForPortalLink(base: string, email: string): Promise<Browser> {
  const browser = new Browser(base)
  const page = await browser.get('/portal/sign-in')
  const res = await browser.post('/portal/sign-in', { _csrf: Browser.csrfOf(page.body), contact: email })
  if (res.status !== 303) throw new Error(`Asking for a portal link failed: ${res.status}`)
  return browser
}

/** Opens the link from the email and continues, as the party would. */
export async function usePortalLink(browser: Browser, link: string): Promise<string> {
  const path = new URL(link).pathname
  const page = await browser.get(path)
  if (page.status !== 200) throw new Error(`The portal link answered ${page.status}`)
  const res = await browser.post(path, { _csrf: Browser.csrfOf(page.body) })
  if (res.status !== 303 || !res.location) throw new Error(`Continuing from the portal link failed: ${res.status}`)
  return res.location
}
