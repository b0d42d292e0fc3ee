import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { WORKFLOW_EVENT_TYPES } from '../../domain/workflow.ts'
import { describeEvent } from './timeline.ts'

describe('describeEvent', () => {
  it('reads an enquiry as received, by which channel and from whom', () => {
    const e = describeEvent('enquiry-received', {
      channel: 'phone',
      requesterRole: 'sendiass',
      localAuthority: 'Warrington Borough Council',
    })
    assert.equal(e.title, 'Request for help received')
    assert.equal(e.description, 'Received: phone\nAsked by: SENDIASS officer\nCouncil: Warrington Borough Council')
  })

  it('says when the council was not known', () => {
    assert.match(
      describeEvent('enquiry-received', { channel: 'online', localAuthority: null }).description,
      /Council: not known/,
    )
  })

  it('reads the first-contact checklist', () => {
    const e = describeEvent('first-contact-recorded', {
      reasonForContact: 'Appeal',
      differenceExplained: true,
      understandingChecked: false,
      preferencesAsked: true,
      signposting: '',
    })
    assert.equal(e.title, 'First contact recorded')
    assert.equal(
      e.description,
      'Reason for contact: Appeal\nDifference between the services explained: yes\nUnderstanding checked: no\nContact preferences and adjustments asked: yes',
    )
  })

  it('reads a scope decision, with the agency when signposted', () => {
    assert.deepEqual(describeEvent('scope-decided', { scope: 'both', reason: 'Two issues' }), {
      title: 'Scope decided: SEN mediation and disagreement resolution',
      description: 'Reason: Two issues',
    })
    const out = describeEvent('scope-decided', { scope: 'out-of-scope', reason: 'Exclusion', agencyName: 'SENDIASS' })
    assert.equal(out.title, 'Scope decided: Out of scope')
    assert.equal(out.description, 'Signposted to: SENDIASS\nReason: Exclusion')
  })

  it('says that personal details were removed, and why', () => {
    assert.equal(describeEvent('anonymised', { why: 'retention' }).title, 'Personal details were removed')
    assert.match(describeEvent('anonymised', { why: 'retention' }).description, /end of the time it is kept for/)
    assert.match(describeEvent('anonymised', { why: 'erasure' }).description, /erasure request was carried out/)
  })

  it("falls back to the type's own words for an event it does not know, whatever its data", () => {
    assert.deepEqual(describeEvent('some-later-event', { x: 1 }), { title: 'Some later event', description: '' })
    assert.deepEqual(describeEvent('', null), { title: 'Case updated', description: '' })
    assert.equal(describeEvent('scope-decided', 'not an object').title, 'Scope decided: not recorded')
  })
})

it('reads every workflow event as a sentence, not as its code name', () => {
  for (const type of [
    ...WORKFLOW_EVENT_TYPES,
    'decision-letter-sent',
    'adviser-contacted',
    'health-body-notified',
    'meeting-notice-sent',
    'assigned',
    'update-sent',
  ]) {
    const { title, description } = describeEvent(type, {})
    assert.ok(title.split(' ').length > 2 || description, `${type} reads as "${title}"`)
  }
  assert.equal(
    describeEvent('willingness-recorded', { party: 'school', answer: 'unwilling', reason: 'Term ends' }).title,
    'The school or college: not willing to take part',
  )
  assert.equal(
    describeEvent('meeting-scheduled', { meetingDate: '2027-01-12', venue: 'Town hall' }).title,
    'Meeting arranged for Tuesday 12 January 2027',
  )
})
