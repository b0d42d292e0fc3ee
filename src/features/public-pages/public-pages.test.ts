import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, desc, eq, like } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../test/helpers/html.ts'
import { auditTrail, localAuthorities, messages } from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'
import { pages } from './index.ts'

describe('the public pages', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')
  })
  after(() => t.close())

  const admin = () => new Agent(t.app).signIn('admin@example.com')
  const main = (res: { body: string }) => html(res as never).querySelector('main')!

  it('lists the councils the service runs for, each with its own page drawn from its settings', async () => {
    // A council added as an administrator would: its page needs no code. One not commissioned has none.
    await t.database.db.insert(localAuthorities).values([
      {
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        freeForResidents: false,
        serviceName: 'Halton SEN Mediation',
        phone: '01632 960 701',
        email: 'mediation@halton.example.org',
        address: '2 Example Road, Widnes, WA8 7AA',
        openingHours: 'Monday to Thursday, 10am to 4pm',
        updateCadenceWorkingDays: 15,
        complaintAcknowledgeWorkingDays: 2,
        complaintResponseWorkingDays: 12,
      },
      {
        code: 'knowsley',
        name: 'Knowsley Council',
        commissioned: false,
        serviceName: 'Not ours',
        phone: '01632 960 999',
        address: 'Somewhere',
        openingHours: 'Never',
      },
    ])
    const index = await t.app.inject('/services')
    assert.equal(index.statusCode, 200)
    const links = html(index)
      .querySelectorAll('#councils a')
      .map((a) => [a.text.trim(), a.getAttribute('href')])
    assert.deepEqual(links, [
      ['Halton Borough Council', '/services/halton'],
      ['Warrington Borough Council', '/services/warrington'],
    ])

    const halton = await t.app.inject('/services/halton')
    assert.equal(halton.statusCode, 200)
    assert.equal(titleOf(halton), 'Halton SEN Mediation for Halton Borough Council - Halton SEN Mediation')
    const text = main(halton).text.replace(/\s+/g, ' ')
    assert.match(text, /Ask us if it is free for you/)
    assert.match(text, /at least every 15 working days/)
    assert.match(text, /within 2 working days\. We will give you our answer within 12 working days/)
    const contact = html(halton).querySelector('#contact-details')!.text.replace(/\s+/g, ' ')
    assert.match(contact, /01632 960 701/)
    assert.match(contact, /mediation@halton\.example\.org/)
    assert.match(contact, /Monday to Thursday, 10am to 4pm/)
    assert.equal(html(halton).querySelector('#start')!.getAttribute('href'), '/request')
    assert.ok(html(halton).querySelector('main a[href="/dates"]'), 'links the deadline calculator')
    // The footer speaks for the council whose page it is.
    assert.match(html(halton).querySelector('footer')!.text, /01632 960 701/)

    const warrington = await t.app.inject('/services/warrington')
    assert.match(main(warrington).text, /It is free if you live in Warrington Borough Council's area/)
    assert.match(main(warrington).text, /Monday to Friday, 9am to 6pm/)
    const sessions = html(warrington).querySelector('#sessions + p a')!.getAttribute('href')!
    assert.equal(sessions, '/services/warrington/sessions')
    assert.equal((await t.app.inject(sessions)).statusCode, 200, "the council's information sessions")

    for (const url of ['/services/knowsley', '/services/nowhere', '/services/Not%20a%20code']) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 404, url)
      assert.match(titleOf(res), /^Page not found/, url)
    }
  })

  it('has a privacy notice, an accessibility statement and a cookies page, linked from every page', async () => {
    for (const [kind, page] of Object.entries(pages)) {
      const res = await t.app.inject(page.path)
      assert.equal(res.statusCode, 200, kind)
      assert.equal(html(res).querySelector('h1')!.text.trim(), page.title)
    }
    const privacy = main(await t.app.inject('/privacy')).text
    // The provider is the controller; until an administrator says otherwise, its details are the first council's.
    assert.match(privacy, /SEN Mediation and Disagreement Resolution Service runs this service/)
    assert.match(privacy, /03330 062 835/)
    assert.match(privacy, /6 years after it ends/)
    assert.match(privacy, /ico\.org\.uk/)
    assert.ok(html(await t.app.inject('/privacy')).querySelector('main a[href="https://ico.org.uk"]'))
    // The accessibility statement in the GOV.UK model's parts, with the day it was last checked.
    const statement = html(await t.app.inject('/accessibility'))
    assert.deepEqual(
      statement.querySelectorAll('main h2').map((h) => h.text.trim()),
      [
        'How easy this website is to use',
        'Feedback and contact information',
        'Reporting problems with this website',
        'Enforcement procedure',
        'Technical information about this website',
        'Compliance status',
        'Content that is not accessible',
        'How we check this website',
        'Preparation of this statement',
      ],
    )
    assert.match(statement.querySelector('main')!.text, /last checked on Monday 7 December 2026\./)
    const staff = await new Agent(t.app).signIn('coord@example.com')
    for (const res of [
      await t.app.inject('/'),
      await t.app.inject('/request'),
      await t.app.inject('/services/warrington'),
      await t.app.inject('/sign-in'),
      await staff.get('/today'),
    ]) {
      const footer = html(res)
        .querySelectorAll('#footer-links a')
        .map((a) => a.getAttribute('href'))
      assert.deepEqual(footer, ['/privacy', '/accessibility', '/cookies', '/services'])
    }
  })

  it('names on the cookies page every cookie Parley sets', async () => {
    const set = new Set<string>()
    const note = (res: { headers: Record<string, unknown> }) => {
      for (const cookie of [res.headers['set-cookie'] ?? []].flat()) set.add(String(cookie).split('=')[0]!)
    }
    // A visitor filling in a form, a member of staff signing in, a party asking for a sign-in link.
    const visitor = new Agent(t.app)
    note(await visitor.get('/request'))
    note(await visitor.post('/request', { role: 'parent' }))
    note(await visitor.get('/portal/sign-in'))
    const staff = new Agent(t.app)
    note(await staff.get('/sign-in'))
    note(await staff.post('/sign-in', { email: 'coord@example.com', password: 'correct horse battery staple' }))
    assert.ok(set.size > 0, 'a form page starts a session')
    const cookies = main(await t.app.inject('/cookies')).text
    for (const name of set) assert.match(cookies, new RegExp(`\\b${name.replace('.', '\\.')}\\b`), name)
    assert.match(cookies, /We use 1 cookie/)
    assert.equal(set.size, 1)
  })

  it('lets administrators change the wording, in the audit trail, refusing a stale save and unknown words', async () => {
    const agent = await admin()
    const list = await agent.get('/admin/public-pages')
    assert.equal(list.statusCode, 200)
    assert.match(html(list).querySelector('#wordings')!.text, /The standard wording/)
    const form = await agent.get('/admin/public-pages/cookies')
    const shown = html(form).querySelector('input[name="shown"]')!.getAttribute('value')!
    const wording = 'We use one cookie, ((session-cookie)).\n\n## Questions\n- Email ((provider-email)) <b>now</b>'

    const unknown = await agent.post('/admin/public-pages/cookies', { shown, wording: 'Hello ((child-name))' })
    assertFormErrors(unknown, ['wording'])
    assert.match(html(unknown).querySelector('#wording')!.text, /Hello \(\(child-name\)\)/, 'keeps what was typed')

    assertRedirect(await agent.post('/admin/public-pages/cookies', { shown, wording }), '/admin/public-pages')
    const page = await t.app.inject('/cookies')
    assert.match(main(page).text, /We use one cookie, parley\.sid\./)
    assert.equal(html(page).querySelector('#questions')!.text, 'Questions')
    assert.ok(page.body.includes('&lt;b&gt;now&lt;/b&gt;'), 'what is typed is never markup')
    assert.ok(html(page).querySelector('#updated'))

    // The same form sent again, after the change: someone else's change is never written over unseen.
    const stale = await agent.post('/admin/public-pages/cookies', { shown, wording: 'Something else' })
    assert.equal(stale.statusCode, 409)
    assert.match(main(await t.app.inject('/cookies')).text, /We use one cookie/)

    const [entry] = await t.database.db
      .select()
      .from(auditTrail)
      .where(eq(auditTrail.action, 'public-page.changed'))
      .orderBy(desc(auditTrail.at))
    assert.equal(entry?.recordId, 'cookies')
    assert.match(JSON.stringify(entry?.before), /We only use the cookies this service needs/)
    assert.match(JSON.stringify(entry?.after), /We use one cookie/)

    // Back to the standard wording.
    const again = await agent.get('/admin/public-pages/cookies')
    const nowShown = html(again).querySelector('#reset')!.closest('form')!.querySelector('input[name="shown"]')!
    assertRedirect(await agent.post('/admin/public-pages/cookies/reset', { shown: nowShown.getAttribute('value')! }))
    assert.match(main(await t.app.inject('/cookies')).text, /We only use the cookies this service needs/)

    // Only administrators.
    const staff = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await staff.get('/admin/public-pages')).statusCode, 403)
    assert.equal((await staff.get('/admin/public-pages/privacy')).statusCode, 403)
    assert.equal((await agent.get('/admin/public-pages/nothing')).statusCode, 404)
  })

  it("makes the provider's details settings: messages no longer say 'or email .'", async () => {
    // A party of a case under the first council, which has no email address of its own.
    await makeCase(t.database, t.clock)
    const signInLink = async () => {
      await new Agent(t.app).submit('/portal/sign-in', { contact: 'sarah@example.com' })
      const [row] = await t.database.db
        .select({ body: messages.body })
        .from(messages)
        .where(
          and(
            eq(messages.recipientAddress, 'sarah@example.com'),
            eq(messages.channel, 'email'),
            like(messages.body, '%or email%'),
          ),
        )
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(1)
      return row!.body
    }
    assert.match(await signInLink(), /or email \./, 'before: no email address anywhere')

    const agent = await admin()
    const missing = html(await agent.get('/today')).querySelector('#missing-contact')
    assert.match(missing?.text ?? '', /The service has no email address yet/, 'Today tells an administrator')
    const page = await agent.get('/admin/public-pages')
    const shown = html(page).querySelector('form[action="/admin/public-pages"] input[name="shown"]')!
    const fields = {
      shown: shown.getAttribute('value')!,
      name: 'Example Mediation Ltd',
      address: '1 Example Street, Manchester, M1 1AA',
      phone: '',
      email: 'not an email',
    }
    const bad = await agent.post('/admin/public-pages', fields)
    assertFormErrors(bad, ['email'])
    assert.equal(html(bad).querySelector('#name')!.getAttribute('value'), 'Example Mediation Ltd')
    assertRedirect(await agent.post('/admin/public-pages', { ...fields, email: 'help@mediation.example.org' }))

    t.clock.set('2026-11-27T10:30:00Z') // the next link is the newest message
    const body = await signInLink()
    assert.doesNotMatch(body, /or email \./)
    assert.match(body, /call us on 03330 062 835 or email help@mediation\.example\.org\./)
    const privacy = main(await t.app.inject('/privacy')).text
    assert.match(privacy, /Example Mediation Ltd runs this service/)
    assert.match(privacy, /1 Example Street, Manchester, M1 1AA/)
    assert.match(html(await t.app.inject('/')).querySelector('footer')!.text, /help@mediation\.example\.org/)
    assert.equal(html(await agent.get('/today')).querySelector('#missing-contact'), null)
    const [entry] = await t.database.db.select().from(auditTrail).where(eq(auditTrail.action, 'provider.changed'))
    assert.deepEqual(entry?.after, {
      name: 'Example Mediation Ltd',
      address: '1 Example Street, Manchester, M1 1AA',
      email: 'help@mediation.example.org',
    })
  })
})
