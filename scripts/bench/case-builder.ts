// One case's history, made the way the app makes it: each workflow step goes through the domain's
// transition() (a refusal is a bug in the story and stops the build), facts are appended as the
// services append them, and the rows behind each step (meetings, certificates, messages, ...) are
// kept for the bulk insert. Steps dated after today are not taken: the case is still open there.
import type { Calendar } from '../../src/domain/calendar.ts'
import type { IsoDate } from '../../src/domain/dates.ts'
import { initialState, transition, type Action, type CaseState } from '../../src/domain/workflow.ts'
import type { Random } from './random.ts'
import type { Staff } from './people.ts'
import type { Rows } from './rows.ts'

export interface Party {
  id: string
  role: string
  name: string
  organisation: string | null
  email: string | null
  phone: string | null
  isRequester: boolean
}

export interface Actor {
  userId: string | null
  label: string
}

/** Cases in these states owe nobody an update (as features/cases/deadlines.ts says). */
const FINISHED = ['closed', 'withdrawn', 'signposted', 'could-not-proceed']

export const actorOf = (staff: Staff): Actor => ({ userId: staff.id, label: staff.name })

export class CaseBuilder {
  state: CaseState = initialState
  date: IsoDate
  /** False once a step would be after today: nothing more happens to the case. */
  live = true
  version = 1
  lastEventDate: IsoDate
  private lastStamp = 0
  private lastUpdate = new Map<string, IsoDate>()
  /** Where this case's events start in rows.caseEvents. */
  private readonly firstEvent: number

  readonly random: Random
  readonly calendar: Calendar
  /** Nothing happens after this day (today, or earlier for a case left part-way). */
  today: IsoDate
  readonly caseId: string
  readonly parties: Party[]
  readonly rows: Rows
  actor: Actor
  readonly cadence: number

  constructor(init: {
    random: Random
    calendar: Calendar
    today: IsoDate
    caseId: string
    receivedOn: IsoDate
    parties: Party[]
    rows: Rows
    actor: Actor
    cadence: number
  }) {
    this.random = init.random
    this.calendar = init.calendar
    this.today = init.today
    this.caseId = init.caseId
    this.parties = init.parties
    this.rows = init.rows
    this.actor = init.actor
    this.cadence = init.cadence
    this.firstEvent = init.rows.caseEvents.length
    this.date = init.receivedOn
    this.lastEventDate = init.receivedOn
    for (const p of init.parties) this.lastUpdate.set(p.id, init.receivedOn)
  }

  /** This case's events so far, oldest first. */
  events() {
    return this.rows.caseEvents.slice(this.firstEvent)
  }

  /** A moment on the builder's day, in office hours, later than every earlier one of this case. */
  stamp(date: IsoDate = this.date): Date {
    const candidate = Date.parse(`${date}T09:00:00Z`) + this.random.int(0, 8 * 60) * 60_000
    this.lastStamp = Math.max(candidate, this.lastStamp + 60_000)
    return new Date(this.lastStamp)
  }

  /** Moves on by some working days (a range gives a random number in it); false if that is after today. */
  step(min: number, max = min): boolean {
    return this.stepTo(this.calendar.addWorkingDays(this.date, this.random.int(min, max)))
  }

  stepTo(date: IsoDate): boolean {
    if (!this.live) return false
    const to = date < this.date ? this.date : date
    this.updatesUntil(to > this.today ? this.today : to)
    if (to > this.today) {
      this.live = false
      return false
    }
    this.date = to
    return true
  }

  /** The day after which nothing happened to it: the app's clocks and the deadline index were last worked out then. */
  finish() {
    if (this.live) this.updatesUntil(this.today)
  }

  /** A workflow action, checked by the domain's rules exactly as the app checks it. */
  act(action: Action, extra: Record<string, unknown> = {}, actor = this.actor) {
    const result = transition(this.state, action)
    if (!result.ok)
      throw new Error(`The bench story broke a rule (${action.type} at ${this.state.status}): ${result.reason}`)
    this.state = result.state
    this.event(result.event.type, { ...result.event.data, ...extra }, actor)
  }

  /** Whether the workflow would allow the action now. */
  can(action: Action): boolean {
    return transition(this.state, action).ok
  }

  /** An event appended by a service outside the workflow (a fact, an update, a meeting record, ...). */
  event(type: string, data: Record<string, unknown>, actor = this.actor, occurredOn = this.date) {
    const recordedAt = this.stamp(occurredOn > this.date ? occurredOn : this.date)
    this.rows.caseEvents.push({
      caseId: this.caseId,
      type,
      occurredOn,
      recordedAt,
      actorUserId: actor.userId,
      actorLabel: actor.label,
      data,
    })
    this.version++
    if (occurredOn > this.lastEventDate) this.lastEventDate = occurredOn
    if (actor.userId && this.random.chance(0.35)) {
      this.rows.accessLog.push({
        at: recordedAt,
        userId: actor.userId,
        caseId: this.caseId,
        action: 'view',
        path: `/cases/${this.caseId}`,
      })
    }
  }

  /** An update to one person: an event, and an email in the outbox when we have their address. */
  update(party: Party, note: string, channel = party.email ? 'email' : 'phone', date = this.date) {
    this.event('update-sent', { partyId: party.id, partyName: party.name, channel, note }, this.actor, date)
    this.lastUpdate.set(party.id, date)
    if (channel === 'email' && party.email)
      this.message(party, 'case-update', 'An update about your request', note, date)
  }

  message(party: Party, templateKey: string, subject: string, body: string, date = this.date) {
    const at = this.stamp(date)
    this.rows.messages.push({
      id: this.random.uuid(),
      caseId: this.caseId,
      partyId: party.id,
      channel: 'email',
      recipientName: party.name || party.organisation || 'The party',
      recipientAddress: party.email!,
      templateKey,
      subject,
      body: `Dear ${party.name || 'colleague'},\n\n${body}\n`,
      status: 'sent',
      attempts: 1,
      nextAttemptAt: at,
      sentAt: at,
      createdBy: this.actor.userId,
      createdAt: at,
    })
  }

  /** Everyone hears from us at least every few working days while the case is open (most of the time). */
  private updatesUntil(to: IsoDate) {
    if (FINISHED.includes(this.state.status)) return
    for (const party of this.parties) {
      // Councils, schools and health bodies hear from the mediator anyway: fewer written updates.
      if (party.organisation && !party.isRequester && this.random.chance(0.7)) continue
      let last = this.lastUpdate.get(party.id)!
      for (;;) {
        const gap = this.random.int(Math.max(2, this.cadence - 4), this.cadence + (this.random.chance(0.1) ? 6 : 0))
        const due = this.calendar.addWorkingDays(last, gap)
        if (due > to) break
        if (due < this.date) {
          last = due
          continue
        }
        this.update(party, 'We are still working on your request and will be in touch again soon.', undefined, due)
        last = due
      }
    }
  }
}
