import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { describeEvent } from './timeline.ts'

describe('describeEvent', () => {
  it('reads an enquiry as received, by which channel and from whom', () => {
    const e = describeEvent('enquiry-received', { channel: 'phone', requesterRole: 'sendiass', localAuthority: 'Warrington Borough Council' })
    assert.equal(e.title, 'Request for help received')
    assert.equal(e.description, 'Received: phone\nAsked by: SENDIASS officer\nCouncil: Warrington Borough Council')
  })

  it('says when the council was not known', () => {
    assert.match(describeEvent('enquiry-received', { channel: 'online', localAuthority: null }).description, /Council: not known/)
  })

  it('reads the first-contact checklist', () => {
    const e = describeEvent('first-contact-recorded', { reasonForContact: 'Appeal', differenceExplained: true, understandingChecked: false, preferencesAsked: true, signposting: '' })
    assert.equal(e.title, 'First contact recorded')
    assert.equal(e.description, 'Reason for contact: Appeal\nDifference between the services explained: yes\nUnderstanding checked: no\nContact preferences and adjustments asked: yes')
  })

  it('reads a scope decision, with the agency when signposted', () => {
    assert.deepEqual(describeEvent('scope-decided', { scope: 'both', reason: 'Two issues' }), { title: 'Scope decided: SEN mediation and disagreement resolution', description: 'Reason: Two issues' })
    const out = describeEvent('scope-decided', { scope: 'out-of-scope', reason: 'Exclusion', agencyName: 'SENDIASS' })
    assert.equal(out.title, 'Scope decided: Out of scope')
    assert.equal(out.description, 'Signposted to: SENDIASS\nReason: Exclusion')
  })

  it('falls back to the type\'s own words for an event it does not know, whatever its data', () => {
    assert.deepEqual(describeEvent('mediator-allocated', { mediator: 'x' }), { title: 'Mediator allocated', description: '' })
    assert.deepEqual(describeEvent('', null), { title: 'Case updated', description: '' })
    assert.equal(describeEvent('scope-decided', 'not an object').title, 'Scope decided: not recorded')
  })
})
