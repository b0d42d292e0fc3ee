import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { venueRooms, venues } from '../../../db/schema/index.ts'
import { makeVenue } from '../testing.ts'
import { pence } from './schema.ts'

const keyOf = (body: string) => /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? ''

describe('venues: /venues, /venues/new and /venues/:id with its rooms', () => {
  let t: TestApp
  let coordinator: Agent
  let manager: Agent
  let mediator: Agent

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    await createStaff(t.database, 'manager@example.com', ['manager'], 'Manny Manager')
    await createStaff(t.database, 'mediator@example.com', ['mediator'], 'Mo Mediator')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    manager = await new Agent(t.app).signIn('manager@example.com')
    mediator = await new Agent(t.app).signIn('mediator@example.com')
  })
  after(() => t.close())

  const fields = (change: Record<string, string | string[]> = {}) => ({
    name: 'Warrington Library',
    kind: 'in-person',
    address: 'Museum Street, Warrington',
    postcode: 'wa1 1js',
    onlineLink: '',
    access: ['stepFree', 'hearingLoop'],
    accessibilityNotes: 'Lift to the first floor',
    cost: '45.50',
    ...change,
  })

  it('lists the venues with their rooms, access in words and cost, for coordinators, managers and administrators only', async () => {
    const { venue } = await makeVenue(t.database, t.clock, { name: 'Birchwood Community Centre', costPence: 0 })
    const res = await coordinator.get('/venues')
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Venues - /)
    const row = html(res).querySelector(`tr[data-venue="${venue.id}"]`)!.text.replace(/\s+/g, ' ')
    assert.match(
      row,
      /Birchwood Community Centre Sankey Street, Warrington, WA1 1UH Room 1 \(8\), Quiet room \(8, breakout\) Step-free access, A hearing loop Free/,
    )
    assert.ok(html(res).querySelector('a[href="/venues"]'), 'Venues in the staff menu')
    assert.equal((await manager.get('/venues')).statusCode, 200)
    assert.equal((await mediator.get('/venues')).statusCode, 403)
    assert.equal((await mediator.get('/venues/new')).statusCode, 403)
    assert.equal((await mediator.get(`/venues/${venue.id}`)).statusCode, 403)
    assertRedirect(await new Agent(t.app).get('/venues'), /^\/sign-in\?next=/)
  })

  it('asks for what is missing, keeping what was typed', async () => {
    const res = await coordinator.submit('/venues/new', {
      submissionKey: randomUUID(),
      name: '',
      kind: 'in-person',
      address: '',
      postcode: '',
      onlineLink: 'http://x',
      access: 'parking',
      accessibilityNotes: '<i>ramp</i>',
      cost: 'lots',
    })
    assertFormErrors(res, ['name', 'address', 'onlineLink', 'cost'])
    assert.match(res.body, /Enter the name of the venue/)
    assert.match(res.body, /Enter the address of the venue/)
    assert.match(res.body, /Enter the link in the right format, starting https:\/\//)
    assert.match(res.body, /Enter the cost as an amount of money, like 45 or 45.50/)
    assert.equal(html(res).querySelector('input[name="access"][value="parking"]')?.getAttribute('checked'), '')
    assert.equal(html(res).getElementById('accessibilityNotes')?.text, '<i>ramp</i>')
    assert.ok(!res.body.includes('<i>ramp</i>'))
    const key = { submissionKey: randomUUID() }
    assertFormErrors(await coordinator.submit('/venues/new', { ...fields(), ...key, kind: '', name: 'Online room' }), [
      'kind',
    ])
    assertFormErrors(
      await coordinator.submit('/venues/new', { ...fields(), ...key, kind: 'online', address: '', onlineLink: '' }),
      ['onlineLink'],
    )
    assert.equal(pence('£1,200'), 120000)
    assert.equal(pence('0'), 0)
    assert.equal(pence('4.5'), 450)
    assert.equal(pence('-3'), undefined)
  })

  it('adds a venue once however often the form is sent, then its rooms, and removes one', async () => {
    const form = await coordinator.get('/venues/new')
    assert.equal(form.statusCode, 200)
    assert.match(titleOf(form), /^Add a venue - /)
    const posted = { ...fields(), submissionKey: keyOf(form.body) }
    const first = await coordinator.post('/venues/new', posted)
    assertRedirect(first, /^\/venues\/[0-9a-f-]{36}$/)
    assertRedirect(await coordinator.post('/venues/new', posted), first.headers.location as string)
    const saved = await t.database.db.select().from(venues).where(eq(venues.name, 'Warrington Library'))
    assert.equal(saved.length, 1)
    assert.deepEqual(
      [saved[0]!.postcode, saved[0]!.stepFree, saved[0]!.hearingLoop, saved[0]!.parking, saved[0]!.costPence],
      ['WA1 1JS', true, true, false, 4550],
    )
    const url = first.headers.location as string

    const page = await coordinator.get(url)
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Warrington Library - /)
    assert.match(
      html(page).querySelector('.govuk-notification-banner')!.text,
      /Warrington Library added: now add its rooms/,
    )
    assertFormErrors(
      await coordinator.post(`${url}/rooms`, {
        roomName: '',
        capacity: 'many',
        isBreakout: '',
        submissionKey: randomUUID(),
      }),
      ['roomName', 'capacity', 'isBreakout'],
    )
    const roomForm = await coordinator.get(url)
    const room = { roomName: 'Meeting room A', capacity: '10', isBreakout: 'no', submissionKey: keyOf(roomForm.body) }
    assertRedirect(await coordinator.post(`${url}/rooms`, room), `${url}#rooms`)
    assertRedirect(await coordinator.post(`${url}/rooms`, room), `${url}#rooms`)
    assertRedirect(
      await coordinator.submit(`${url}/rooms`, {
        roomName: 'Side room',
        capacity: '3',
        isBreakout: 'yes',
        submissionKey: randomUUID(),
      }),
      `${url}#rooms`,
    )
    const rooms = await t.database.db.select().from(venueRooms).where(eq(venueRooms.venueId, saved[0]!.id))
    assert.deepEqual(rooms.map((r) => [r.name, r.capacity, r.isBreakout]).sort(), [
      ['Meeting room A', 10, false],
      ['Side room', 3, true],
    ])
    await coordinator.get(url)
    const side = rooms.find((r) => r.name === 'Side room')!
    assertRedirect(await coordinator.post(`${url}/rooms/${side.id}/remove`, {}), `${url}#rooms`)
    const listed = html(await coordinator.get(url))
      .querySelectorAll('#room-list tbody tr')
      .map((tr) => tr.text.replace(/\s+/g, ' ').trim())
    assert.deepEqual(listed, ['Meeting room A 10 people Meeting room Remove Meeting room A'])
    assert.equal((await coordinator.post(`${url}/rooms/${side.id}/remove`, {})).statusCode, 404)
  })

  it("refuses a new venue or room without the form's one-time key, adding nothing", async () => {
    const res = await coordinator.submit('/venues/new', fields({ name: 'Keyless Library' }))
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /This form is out of date\. Reload the page and try again\./,
    )
    assert.equal(html(res).getElementById('name')?.getAttribute('value'), 'Keyless Library')
    assert.equal((await t.database.db.select().from(venues).where(eq(venues.name, 'Keyless Library'))).length, 0)
    const { venue } = await makeVenue(t.database, t.clock, { name: 'Keyless Hall' }, [])
    const room = await coordinator.submit(`/venues/${venue.id}/rooms`, {
      roomName: 'Room A',
      capacity: '4',
      isBreakout: 'no',
    })
    assert.equal(room.statusCode, 400)
    assert.match(html(room).querySelector('.govuk-error-summary')!.text, /This form is out of date/)
    assert.equal((await t.database.db.select().from(venueRooms).where(eq(venueRooms.venueId, venue.id))).length, 0)
  })

  it('changes a venue, and refuses a save from a page someone else saved since', async () => {
    const { venue } = await makeVenue(t.database, t.clock, { name: 'Old Library' })
    const url = `/venues/${venue.id}`
    const mine = await coordinator.get(url)
    const version = /name="version" value="([^"]+)"/.exec(mine.body)![1]!
    assertFormErrors(await coordinator.post(url, { ...fields({ name: 'New Library', active: '' }), version }), [
      'active',
    ])
    await manager.get(url)
    assertRedirect(await manager.post(url, { ...fields({ name: 'Manager Library', active: 'yes' }), version }), url)
    const stale = await coordinator.post(url, { ...fields({ name: 'Coordinator Library', active: 'no' }), version })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed this venue while you were working on it/)
    assert.equal(html(stale).getElementById('name')?.getAttribute('value'), 'Manager Library')
    const [row] = await t.database.db.select().from(venues).where(eq(venues.id, venue.id))
    assert.equal(row!.name, 'Manager Library')
    assert.equal(row!.active, true)
    const fresh = /name="version" value="([^"]+)"/.exec(stale.body)![1]!
    assertRedirect(
      await coordinator.post(url, { ...fields({ name: 'Coordinator Library', active: 'no' }), version: fresh }),
      url,
    )
    const list = html(await coordinator.get('/venues')).querySelector(`tr[data-venue="${venue.id}"]`)!.text
    assert.match(list, /Coordinator Library\s+Not in use/)
    assert.equal((await coordinator.get('/venues/not-a-venue')).statusCode, 404)
  })

  it('keeps an online meeting room with its link and no address', async () => {
    const form = await coordinator.get('/venues/new')
    const res = await coordinator.post('/venues/new', {
      ...fields({
        name: 'Video room 1',
        kind: 'online',
        address: 'ignored',
        postcode: '',
        onlineLink: 'https://meet.example.com/room-1',
        access: [],
      }),
      submissionKey: keyOf(form.body),
    })
    assertRedirect(res)
    const [row] = await t.database.db.select().from(venues).where(eq(venues.name, 'Video room 1'))
    assert.deepEqual(
      [row!.kind, row!.address, row!.onlineLink, row!.stepFree],
      ['online', null, 'https://meet.example.com/room-1', false],
    )
    const page = html(await coordinator.get(res.headers.location as string))
    assert.equal(page.querySelectorAll('#room-list').length, 0, 'no rooms for an online room')
  })
})
