// Drives the app through app.inject() like a browser without JavaScript: it keeps cookies,
// follows the forms' CSRF tokens, and posts forms as urlencoded bodies.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { testAppOf, testPassword } from './app.ts'
import { appCode, forgetLastCode, setupKeyOf } from './second-factor.ts'

export class Agent {
  private cookies = new Map<string, string>()
  private csrf = ''
  private readonly app: FastifyInstance
  private readonly extraHeaders: Record<string, string>

  /**
   * `https: true` sends the header a TLS-terminating proxy adds (for Secure cookies); `headers`
   * are sent with every request (a browser's user-agent, say).
   */
  constructor(app: FastifyInstance, options: { https?: boolean; headers?: Record<string, string> } = {}) {
    this.app = app
    this.extraHeaders = { ...options.headers, ...(options.https ? { 'x-forwarded-proto': 'https' } : {}) }
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const res = await this.app.inject({ method: 'GET', url, headers: this.headers() })
    this.remember(res)
    return res
  }

  /** Posts a form, with the CSRF token of the last page fetched unless the fields give one. */
  async post(url: string, fields: Record<string, string | string[]> = {}): Promise<LightMyRequestResponse> {
    const body = new URLSearchParams()
    if (!('_csrf' in fields)) body.append('_csrf', this.csrf)
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) body.append(k, one)
    const res = await this.app.inject({
      method: 'POST',
      url,
      payload: body.toString(),
      headers: { ...this.headers(), 'content-type': 'application/x-www-form-urlencoded' },
    })
    this.remember(res)
    return res
  }

  /** Fetches the form page first (for its token), then posts to it. */
  async submit(url: string, fields: Record<string, string | string[]> = {}) {
    await this.get(url)
    return this.post(url, fields)
  }

  /**
   * Signs in as staff do: the password, then the code of the account's authenticator app at the
   * test app's clock (see second-factor.ts); an account with no app yet sets one up from the
   * enrolment page's setup key first.
   */
  async signIn(email: string, password = testPassword) {
    const res = await this.submit('/sign-in', { email, password })
    if (res.statusCode !== 303) throw new Error(`sign-in failed: ${res.statusCode}`)
    await this.passSecondStep(email)
    return this
  }

  /**
   * After the password: answers the second step with the real TOTP code. Returns the last answer:
   * the redirect to where the person was going, or (an app just set up) the recovery codes page.
   */
  async passSecondStep(email: string): Promise<LightMyRequestResponse> {
    // An app built without createTestApp runs on the real clock: its code now is new anyway.
    const t = testAppOf(this.app)
    const now = () => t?.clock.now() ?? new Date()
    const step = await this.get('/sign-in/second-factor')
    if (step.statusCode === 303 && step.headers.location === '/sign-in/enrol') {
      const page = await this.get('/sign-in/enrol')
      const key = /<code>([A-Z2-7 ]+)<\/code>/.exec(page.body)?.[1]
      if (!key) throw new Error('no setup key on the enrolment page')
      const done = await this.post('/sign-in/enrol', { code: appCode(now(), setupKeyOf(key)) })
      if (done.statusCode !== 200) throw new Error(`setting up the authenticator app failed: ${done.statusCode}`)
      return done
    }
    if (step.statusCode !== 200) throw new Error(`no second step after the password: ${step.statusCode}`)
    if (t) await forgetLastCode(t.database, email)
    const done = await this.post('/sign-in/second-factor', { code: appCode(now()) })
    if (done.statusCode !== 303) throw new Error(`the second step failed: ${done.statusCode}`)
    return done
  }

  get csrfToken() {
    return this.csrf
  }

  private headers() {
    const cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ')
    return cookie ? { ...this.extraHeaders, cookie } : { ...this.extraHeaders }
  }

  private remember(res: LightMyRequestResponse) {
    for (const c of res.cookies) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name)
      else this.cookies.set(c.name, c.value)
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)
    if (token) this.csrf = token[1]!
  }
}
