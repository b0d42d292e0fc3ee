import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { openTestDatabase } from '../../../test/helpers/database.ts'
import { insertReferenceData } from '../../db/reference-data.ts'
import { fixedClock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { runMigrations } from '../../db/migrate.ts'
import { chooseChannel, queueForParty, queueMessage } from './outbox.ts'
import { messagesCase, queueOne } from './testing.ts'
import { allTemplates } from '../../app.ts'
import { placeholdersIn, templateNamed } from '../../domain/message-wording.ts'
import { caseUpdateTemplate } from './general-templates.ts'
import { resetWording, saveWording, unknownPlaceholders } from './templates.ts'

describe('choosing the channel', () => {
  const all = { name: 'A', email: 'a@example.com', phone: '07700 900123', address: '1 High Street' }
  it('honours the first preferred way the person can be reached', () => {
    assert.deepEqual(chooseChannel({ ...all, methods: ['post', 'email'] }), {
      channel: 'letter',
      address: '1 High Street',
    })
    assert.deepEqual(chooseChannel({ ...all, methods: ['text'] }), { channel: 'text', address: '07700 900123' })
    assert.deepEqual(chooseChannel({ ...all, methods: ['email'] }), { channel: 'email', address: 'a@example.com' })
    assert.deepEqual(chooseChannel({ name: 'A', address: '1 High Street', methods: ['email', 'post'] }), {
      channel: 'letter',
      address: '1 High Street',
    })
  })
  it('sends a written message to someone who prefers calls: a text, then email, then a letter', () => {
    assert.equal(chooseChannel({ ...all, methods: ['phone'] })?.channel, 'text')
    assert.equal(
      chooseChannel({ name: 'A', email: 'a@example.com', address: 'x', methods: ['phone'] })?.channel,
      'email',
    )
    assert.equal(chooseChannel({ name: 'A', address: 'x', methods: ['phone'] })?.channel, 'letter')
  })
  it('falls back to email, text, letter with no preference, and to nothing without details', () => {
    assert.equal(chooseChannel({ ...all })?.channel, 'email')
    assert.equal(chooseChannel({ name: 'A', phone: '0770', methods: [] })?.channel, 'text')
    assert.equal(chooseChannel({ name: 'A', methods: ['email'] }), null)
  })
})

describe('templates', () => {
  it('every template uses only its own placeholders, and keys are unique', () => {
    assert.equal(new Set(allTemplates.map((t) => t.key)).size, allTemplates.length)
    for (const t of allTemplates) assert.deepEqual(unknownPlaceholders(t, t.subject, t.body), [], t.key)
  })
  it('finds placeholders, with spaces inside the brackets', () => {
    assert.deepEqual(placeholdersIn('Dear ((name)), (( child )) ((name)) (not) ((9x))'), ['name', 'child'])
    assert.deepEqual(
      unknownPlaceholders(templateNamed(allTemplates, 'case-update'), 'Hello ((nickname))', '((name)) ((shoe-size))'),
      ['nickname', 'shoe-size'],
    )
  })
})

describe('queueing for a party', () => {
  let database: Database
  let drop: () => Promise<void>
  const clock = fixedClock('2026-11-27T10:00:00Z')
  before(async () => {
    ;({ database, drop } = await openTestDatabase())
    await runMigrations(database)
    await insertReferenceData(database.db) // the council every case is under
  })
  after(() => drop())

  it('writes by each person’s preferred way, large print for a letter where asked, and nothing for someone unreachable', async () => {
    const c = await messagesCase(database, clock)
    const values = { name: 'X', child: 'Amelia', reference: c.reference, update: 'News', 'next-step': 'Next' }
    const rows = await database.db.transaction(async (tx) =>
      Promise.all(
        [c.parent, c.school, c.carer, c.council].map((p) =>
          queueForParty(tx, clock, p.id, { caseId: c.id, template: caseUpdateTemplate, values }),
        ),
      ),
    )
    assert.deepEqual(
      rows.map((r) => r && [r.channel, r.recipientAddress, r.largePrint]),
      [
        ['email', 'sarah@example.com', false],
        ['text', '07700 900123', false],
        ['letter', '12 Orchard Close\nWarrington\nWA1 1AA', true],
        null,
      ],
    )
  })

  it('uses the wording an administrator saved, refuses an unknown placeholder, and goes back to the standard', async () => {
    assert.deepEqual(
      await saveWording(database.db, clock, caseUpdateTemplate, {
        subject: 'News for ((name)) about ((shoe))',
        body: 'x',
      }),
      { ok: false, unknown: ['shoe'] },
    )
    assert.deepEqual(
      await saveWording(database.db, clock, caseUpdateTemplate, {
        subject: 'News about ((child))',
        body: 'Hello ((name)). ((update))',
      }),
      { ok: true },
    )
    const row = await queueOne(database.db, clock)
    assert.equal(row.subject, 'News about Amelia')
    assert.equal(row.body, 'Hello Sarah Hartley. We have written to the council.')
    await resetWording(database.db, caseUpdateTemplate)
    assert.equal((await queueOne(database.db, clock)).subject, 'An update about your request for help: MED-2026-000001')
  })

  it('queues once for one dedupe key', async () => {
    const a = await queueOne(database.db, clock, { dedupeKey: 'reminder-1' })
    const b = await database.db.transaction(async (tx) =>
      queueMessage(tx, clock, {
        to: { name: 'S', email: 's@example.com' },
        template: caseUpdateTemplate,
        values: {},
        dedupeKey: 'reminder-1',
      }),
    )
    assert.ok(a)
    assert.equal(b, null)
  })
})
