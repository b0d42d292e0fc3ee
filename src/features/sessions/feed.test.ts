// Information sessions in the Open Referral UK feed: a council's upcoming sessions are schedules of
// its service (checked against the standard's schedule schema, shipped with the tests), with a link
// to book; never a cancelled or past one, who booked, or an online session's link.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Ajv } from 'ajv'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { firstCouncilId } from '../cases/testing.ts'
import { bookThrough, makeSession } from './testing.ts'
import { createSessionService } from './service.ts'
import { admin, depsOf } from './testing.ts'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'openreferral')

describe('information sessions in the directory feed', () => {
  let t: TestApp
  let council: string
  let inPerson: string
  let online: string
  let cancelled: string

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    council = await firstCouncilId(t.database)
    const staff = await createStaff(t.database, 'cora@example.com', ['coordinator'])
    inPerson = await makeSession(t, council, staff.id)
    online = await makeSession(t, council, staff.id, {
      mode: 'online',
      onlineLink: 'https://meet.example.com/secret-room',
      audience: 'professionals',
      day: '2026-12-10',
      closesDay: '2026-12-09',
    })
    cancelled = await makeSession(t, council, staff.id, { day: '2026-12-11', closesDay: '2026-12-10' })
    const service = createSessionService(depsOf(t))
    const as = { ...admin, id: staff.id }
    await service.cancel(as, cancelled, 1, 'Not enough interest', { userId: null, ip: null })
    await bookThrough(t, `/services/warrington/sessions/${inPerson}`, { name: 'Pat Example', email: 'pat@example.com' })
  })
  after(() => t.close())

  it("lists the council's upcoming sessions as schedules of its service, each valid and with a link to book", async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/openreferral/services/${council}` })
    assert.equal(res.statusCode, 200)
    const schedules = res.json().schedules as Record<string, unknown>[]
    const sessions = schedules.filter((s) => String(s.schedule_link ?? '').includes('/sessions/'))
    assert.deepEqual(
      sessions.map((s) => [s.dtstart, s.opens_at, s.closes_at, s.attending_type]),
      [
        ['2026-12-09', '10:00', '12:00', 'In person: Warrington Library, Sankey Street, Warrington, WA1 1UH'],
        ['2026-12-10', '10:00', '12:00', 'Online'],
      ],
    )
    assert.equal(sessions[0]!.schedule_link, `${t.config.PUBLIC_URL}/services/warrington/sessions/${inPerson}`)
    assert.match(String(sessions[1]!.description), /^Getting ready for mediation \(for professionals\)\. /)
    const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false })
    const schema = JSON.parse(readFileSync(join(fixtures, 'schedule.json'), 'utf8')) as Record<string, unknown>
    delete schema.$id
    const valid = ajv.compile(schema)
    for (const s of sessions) assert.ok(valid(s), ajv.errorsText(valid.errors))
    assert.ok(!res.body.includes(cancelled), 'a cancelled session is not listed')
    assert.ok(!res.body.includes('secret-room'), 'an online link is never published')
    assert.ok(!res.body.includes('Pat Example') && !res.body.includes('pat@example.com'), 'nor who booked')
    assert.ok(res.body.includes(online))
  })
})
