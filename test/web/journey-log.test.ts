// The log of a whole journey, at the most the server says (trace, with the production options):
// a family sends a request (the child's name, their email and phone typed), a new member of staff
// signs in (a wrong password, a wrong code, setting up an authenticator app, its recovery codes)
// and finds and opens the case, a council's system reads it through the API, and the family signs
// in to the portal with the emailed link. None of what they typed or were given is in the log.
import assert from 'node:assert/strict'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import pino from 'pino'
import { cases } from '../../src/db/schema/index.ts'
import { loggerOptions } from '../../src/logger.ts'
import { issueToken } from '../../src/features/api/test-kit.ts'
import { goodAnswers, walkTo } from '../../src/features/intake/test-kit.ts'
import { latestLink, signInAsParty } from '../../src/features/portal/testing.ts'
import { Agent } from '../helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../helpers/app.ts'
import { appCode, setupKeyOf } from '../helpers/second-factor.ts'

describe('the log of a whole journey', () => {
  const lines: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk))
      done()
    },
  })
  let t: TestApp
  before(async () => {
    const logger = pino({ ...loggerOptions({ LOG_LEVEL: 'info', NODE_ENV: 'production' }), level: 'trace' }, stream)
    t = await createTestApp({ logger })
  })
  after(() => t.close())

  it('holds no password, second-factor secret, code, token, sign-in link or personal data', async () => {
    // The family's request.
    const family = new Agent(t.app)
    await walkTo(family, '/request/check')
    const check = await family.get('/request/check')
    const submissionKey = /name="submissionKey" value="([^"]+)"/.exec(check.body)?.[1] ?? assert.fail('no key')
    const sent = await family.post('/request/check', { submissionKey })
    assert.equal(sent.statusCode, 303, `sending the request: ${sent.statusCode}`)
    const [made] = await t.database.db.select().from(cases).where(eq(cases.childName, 'Sam Example'))
    assert.ok(made, 'the request made a case')

    // A new coordinator: a wrong password, then the password, then an authenticator app set up.
    await createStaff(t.database, 'nadia@example.com', ['coordinator'], 'Nadia Newstart', undefined, {
      secondFactor: false,
    })
    const staff = new Agent(t.app)
    const wrongPassword = 'not my password at all'
    assert.equal(
      (await staff.submit('/sign-in', { email: 'nadia@example.com', password: wrongPassword })).statusCode,
      400,
    )
    assert.equal(
      (await staff.submit('/sign-in', { email: 'nadia@example.com', password: testPassword })).statusCode,
      303,
    )
    const enrol = await staff.get('/sign-in/enrol')
    const key = setupKeyOf(/<code>([A-Z2-7 ]+)<\/code>/.exec(enrol.body)?.[1] ?? assert.fail('no setup key'))
    const right = appCode(t.clock.now(), key)
    const wrongCode = right === '123456' ? '654321' : '123456'
    assert.equal((await staff.post('/sign-in/enrol', { code: wrongCode })).statusCode, 400)
    const codes = await staff.post('/sign-in/enrol', { code: right })
    assert.equal(codes.statusCode, 200)
    const recoveryCodes = [...codes.body.matchAll(/<li><code>([^<]+)<\/code><\/li>/g)].map((m) => m[1]!)
    assert.equal(recoveryCodes.length, 10)
    const search = await staff.get(`/cases?q=${encodeURIComponent('Sam Example')}`)
    assert.ok(search.body.includes(made.reference), 'the search finds the case')
    assert.equal((await staff.get(`/cases/${made.id}`)).statusCode, 200)
    assert.equal((await staff.get(`/cases/${made.id}/timeline`)).statusCode, 200)

    // The council's system reads the case.
    const { token } = await issueToken(t)
    const read = await t.app.inject({
      url: `/api/v1/cases/${made.reference}`,
      headers: { authorization: `Bearer ${token}` },
    })
    assert.equal(read.statusCode, 200)

    // The family signs in with the link emailed to them.
    const party = await signInAsParty(t, 'pat@example.com')
    assert.equal((await party.get('/portal')).statusCode, 200)
    const link = await latestLink(t, 'pat@example.com')

    const log = lines.join('')
    assert.ok(lines.length > 40, 'the journey was logged')
    const typed = goodAnswers['/request/contact']!
    for (const secret of [
      testPassword,
      wrongPassword,
      key,
      right,
      wrongCode,
      ...recoveryCodes,
      token,
      link.split('/').pop()!,
      'Sam Example',
      'Pat Example',
      String(typed.email),
      String(typed.phone),
      String(typed.phone).replace(/\s/g, ''),
      'Oak Tree Primary School',
      'speech therapy',
    ])
      assert.ok(!log.includes(secret), `the log shows "${secret}"`)
    assert.ok(!/parley\.sid=|"cookie"|"authorization"/i.test(log), 'no cookie or authorization header')
  })
})
