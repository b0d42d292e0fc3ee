// The Open Referral UK feed, through its real endpoints, each answer checked against the
// standard's published JSON schemas (test/fixtures/openreferral, shipped with the tests).
import assert from 'node:assert/strict'
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { Ajv, type ValidateFunction } from 'ajv'
import * as formats from 'ajv-formats'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { localAuthorities, venues } from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'
import { stableId } from './ids.ts'
import { weeklyHours } from './opening-hours.ts'
import { createFeedService } from './service.ts'

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'openreferral')

/** Entities the schemas refer to that the feed never publishes: stood in for by an empty schema (see the fixtures' README). */
const notPublished = ['attribute', 'metadata', 'funding', 'cost_option', 'organization_identifier']

function schemas() {
  // The UK profile's files carry an empty allOf, which the meta-schema does not allow: the schemas are
  // used as published, without checking them against it.
  const ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false })
  ;(formats.default as unknown as (a: Ajv) => Ajv)(ajv)
  for (const file of readdirSync(fixtures).filter((f) => f.endsWith('.json'))) {
    const schema = JSON.parse(readFileSync(join(fixtures, file), 'utf8')) as Record<string, unknown>
    // Two HSDS files name themselves by their branch's web address; the UK profile's files refer to each by its file name.
    delete schema.$id
    ajv.addSchema(schema, file)
  }
  const stubbed = new Set<string>()
  const compile = (key: string): ValidateFunction => {
    for (;;) {
      try {
        return ajv.getSchema(key) ?? ajv.compile({ $ref: key })
      } catch (err) {
        const missing = (err as { missingSchema?: string }).missingSchema
        if (!missing) throw err
        stubbed.add(missing.replace(/\.json$/, ''))
        ajv.addSchema({}, missing)
      }
    }
  }
  const validate = {
    service: compile('service.json'),
    organization: compile('organization.json'),
    location: compile('location.json'),
    service_at_location: compile('service_at_location.json'),
    page: compile('page.json'),
  }
  return { validate, stubbed, ajv }
}

type Kind = 'service' | 'organization' | 'location' | 'service_at_location'

describe('the Open Referral UK feed at /api/openreferral', () => {
  let t: TestApp
  const { validate, stubbed, ajv } = schemas()
  const councilIds: Record<string, string> = {}
  const venueIds: Record<string, string> = {}

  before(async () => {
    t = await createTestApp()
    const db = t.database.db
    const made = await db
      .insert(localAuthorities)
      .values([
        {
          code: 'halton',
          name: 'Halton Borough Council',
          commissioned: true,
          serviceName: 'Halton SEN Mediation',
          phone: '01632 960 701',
          email: 'mediation@halton.example.org',
          address: '2 Example Road, Widnes, WA8 7AA',
          openingHours: 'Mon-Thu 10am-4pm',
          postcodeDistricts: ['WA7', 'WA8'],
        },
        {
          code: 'knowsley',
          name: 'Knowsley Council',
          commissioned: false,
          serviceName: 'Not run by us',
          phone: '01632 960 999',
          address: 'Somewhere',
          openingHours: 'Never',
        },
      ])
      .returning({ id: localAuthorities.id, code: localAuthorities.code })
    for (const c of made) councilIds[c.code] = c.id
    councilIds.warrington = (await db.select().from(localAuthorities)).find((c) => c.code === 'warrington')!.id
    const rows = await db
      .insert(venues)
      .values([
        {
          name: 'Bridge Street Centre',
          kind: 'in-person',
          address: '10 Bridge Street, Warrington',
          postcode: 'WA1 2AB',
          stepFree: true,
          hearingLoop: true,
          accessibilityNotes: 'Lift to every floor.',
          onlineLink: 'https://secret.example/never-published',
          costPence: 4500,
          createdAt: t.clock.now(),
        },
        { name: 'Online room', kind: 'online', onlineLink: 'https://meet.example/room', createdAt: t.clock.now() },
        {
          name: 'Closed hall',
          kind: 'in-person',
          address: '1 Old Road, Widnes',
          active: false,
          createdAt: t.clock.now(),
        },
      ])
      .returning({ id: venues.id, name: venues.name })
    for (const v of rows) venueIds[v.name] = v.id
    await makeCase(t.database, t.clock) // a case, which the feed never shows
  })
  after(() => t.close())

  const get = async (url: string) => {
    const res = await t.app.inject(url)
    assert.equal(res.headers['access-control-allow-origin'], '*', url)
    return { status: res.statusCode, json: res.json() as Record<string, unknown>, body: res.body }
  }

  function assertValid(kind: Kind, record: unknown, where: string) {
    const check = validate[kind]
    assert.ok(check(record), `${where}: ${ajv.errorsText(check.errors)}`)
    const keys = JSON.stringify(record)
    for (const entity of ['attributes', 'metadata', 'funding', 'cost_options', 'organization_identifiers']) {
      assert.ok(!keys.includes(`"${entity}"`), `${where} never sends ${entity}, which the test does not check`)
    }
  }

  /** Every page of a list, each checked as a page and each record as `kind`. */
  async function all(path: string, kind: Kind, perPage: number) {
    const records: Record<string, unknown>[] = []
    for (let page = 1; ; page++) {
      const { status, json } = await get(`/api/openreferral/${path}?page=${page}&per_page=${perPage}`)
      assert.equal(status, 200)
      assert.ok(validate.page(json), ajv.errorsText(validate.page.errors))
      assert.equal(json.page_number, page)
      assert.equal(json.first_page, page === 1)
      const contents = json.contents as Record<string, unknown>[]
      assert.equal(json.size, contents.length)
      contents.forEach((r, i) => assertValid(kind, r, `${path} page ${page} item ${i}`))
      records.push(...contents)
      if (json.last_page) {
        assert.equal(json.total_pages, page)
        assert.equal(json.total_items, records.length)
        return records
      }
    }
  }

  it('uses the schemas as published, with an empty stand-in only for what the feed never sends', () => {
    assert.deepEqual([...stubbed].sort(), [...notPublished].sort())
    assert.equal(
      validate.service({ id: 'not-a-uuid', name: 'x', status: 'open', url: 'x' }),
      false,
      'the schema can fail',
    )
    // And so can the schemas it refers to: a schedule without the url the UK profile requires of one.
    const good = { id: stableId('x', '1'), name: 'x', status: 'active', url: 'http://localhost/x' }
    assert.equal(validate.service(good), true)
    assert.equal(validate.service({ ...good, schedules: [{ id: stableId('x', '2') }] }), false)
  })

  it('lists a service for each council the service runs for, and each in full by its id', async () => {
    const services = await all('services', 'service', 1)
    assert.deepEqual(
      services.map((s) => s.id),
      [councilIds.halton, councilIds.warrington],
    )
    const halton = services[0]!
    assert.equal(halton.name, 'Halton SEN Mediation')
    assert.equal(halton.url, 'http://localhost:3000/services/halton')
    assert.equal(halton.email, 'mediation@halton.example.org')
    assert.match(String(halton.description), /Ask whether it is free for you/)
    assert.match(String(services[1]!.description), /Free for people who live in Warrington Borough Council's area/)

    const { status, json } = await get(`/api/openreferral/services/${councilIds.halton}`)
    assert.equal(status, 200)
    assertValid('service', json, 'service')
    const [schedule] = json.schedules as Record<string, unknown>[]
    assert.deepEqual(
      { byday: schedule!.byday, opens_at: schedule!.opens_at, closes_at: schedule!.closes_at, freq: schedule!.freq },
      { byday: 'MO,TU,WE,TH', opens_at: '10:00', closes_at: '16:00', freq: 'WEEKLY' },
    )
    assert.match(String((json.service_areas as { description: string }[])[0]!.description), /WA7, WA8/)
    const [contact] = json.contacts as { phones: { number: string }[] }[]
    assert.equal(contact!.phones[0]!.number, '01632 960 701')
    const atVenues = json.service_at_locations as { location_id: string }[]
    assert.deepEqual(
      atVenues.map((s) => s.location_id),
      [venueIds['Bridge Street Centre']],
    )
    for (const id of [councilIds.knowsley, '00000000-0000-0000-0000-000000000000']) {
      const missing = await get(`/api/openreferral/services/${id}`)
      assert.equal(missing.status, 404)
      assert.equal(missing.json.status, 404)
    }
    assert.equal((await get('/api/openreferral/services/not-an-id')).status, 404)
  })

  it('lists the provider and the councils as organisations, paged across both', async () => {
    const organisations = await all('organizations', 'organization', 2)
    assert.deepEqual(
      organisations.map((o) => o.name),
      ['SEN Mediation and Disagreement Resolution Service', 'Halton Borough Council', 'Warrington Borough Council'],
    )
    for (const o of organisations) {
      const one = await get(`/api/openreferral/organizations/${String(o.id)}`)
      assert.equal(one.status, 200)
      assertValid('organization', one.json, 'organization')
      assert.equal(one.json.name, o.name)
    }
    const notServed = await get(`/api/openreferral/organizations/${stableId('organization', councilIds.knowsley!)}`)
    assert.equal(notServed.status, 404)
  })

  it('lists the venues where meetings are held in person, with their access, never an online link or a cost', async () => {
    const locations = await all('locations', 'location', 10)
    assert.deepEqual(
      locations.map((l) => l.name),
      ['Bridge Street Centre'],
    )
    const { json, body } = await get(`/api/openreferral/locations/${venueIds['Bridge Street Centre']}`)
    assertValid('location', json, 'location')
    const [address] = json.addresses as Record<string, string>[]
    assert.deepEqual(
      [address!.address_1, address!.city, address!.postal_code],
      ['10 Bridge Street', 'Warrington', 'WA1 2AB'],
    )
    assert.match(JSON.stringify(json.accessibility), /Step-free access\. A hearing loop\..*Lift to every floor/)
    assert.doesNotMatch(body, /secret\.example|4500|cost/i)
    assert.equal((await get(`/api/openreferral/locations/${venueIds['Online room']}`)).status, 404)
    assert.equal((await get(`/api/openreferral/locations/${venueIds['Closed hall']}`)).status, 404)
  })

  it('lists each service at each venue, and each by its id', async () => {
    const links = await all('service_at_locations', 'service_at_location', 1)
    assert.deepEqual(
      links.map((l) => [l.service_id, l.location_id]),
      [
        [councilIds.halton, venueIds['Bridge Street Centre']],
        [councilIds.warrington, venueIds['Bridge Street Centre']],
      ],
    )
    const one = await get(`/api/openreferral/service_at_locations/${String(links[1]!.id)}`)
    assert.equal(one.status, 200)
    assertValid('service_at_location', one.json, 'service at location')
    assert.equal(one.json.service_id, councilIds.warrington)
    assertValid('service', one.json.service, 'the service of a service at location')
    assert.equal((one.json.service as { name: string }).name, 'SEN Mediation and Disagreement Resolution Service')
  })

  it('says what it is, refuses a page size over 100 plainly, and never shows a case or a person', async () => {
    const root = await get('/api/openreferral/')
    assert.equal(root.json.version, '3.0')
    const big = await get('/api/openreferral/services?per_page=1000')
    assert.equal(big.status, 400)
    assert.equal(big.json.detail, 'per_page must be 100 or less')
    const past = await get('/api/openreferral/services?page=9')
    assert.equal(past.status, 200)
    assert.equal(past.json.empty, true)
    let everything = ''
    for (const path of ['services', 'organizations', 'locations', 'service_at_locations']) {
      everything += (await get(`/api/openreferral/${path}?per_page=100`)).body
    }
    everything += (await get(`/api/openreferral/services/${councilIds.warrington}`)).body
    assert.doesNotMatch(everything, /Sarah|Hartley|Amelia|MED-\d{4}/)
  })

  it('shows the schedules another area gives it (information sessions) on the service', async () => {
    const session = {
      id: stableId('session', 'example'),
      service_id: councilIds.warrington!,
      description: 'Information session for parents: what mediation is',
      dtstart: '2027-01-12',
      valid_from: '2027-01-12',
      valid_to: '2027-01-12',
      opens_at: '10:00',
      closes_at: '11:30',
      attending_type: 'Online',
      url: 'http://localhost:3000/services/warrington',
    }
    const feed = createFeedService({
      db: t.database.db,
      baseUrl: 'http://localhost:3000',
      scheduleSources: [
        async (_db, ids) => new Map(ids.map((id) => [id, id === councilIds.warrington ? [session] : []])),
      ],
    })
    const service = await feed.service(councilIds.warrington!)
    assertValid('service', service, 'service with a session')
    assert.deepEqual((service!.schedules as unknown[])[1], session)
  })

  it('reads opening hours as staff write them', () => {
    assert.deepEqual(weeklyHours('Monday to Friday, 9am to 6pm'), {
      byday: 'MO,TU,WE,TH,FR',
      opensAt: '09:00',
      closesAt: '18:00',
    })
    assert.deepEqual(weeklyHours('Tuesday, 9:30am to 1pm'), { byday: 'TU', opensAt: '09:30', closesAt: '13:00' })
    assert.equal(weeklyHours('Weekdays, and some Saturdays'), undefined)
    assert.equal(weeklyHours('Friday to Monday, 9am to 5pm'), undefined)
  })
})
