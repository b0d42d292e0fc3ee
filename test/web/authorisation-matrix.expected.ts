// The authorisation matrix: who may use each route of the app, checked for every identity by
// authorisation-matrix.test.ts. A route the app has without an entry here fails that test.
//
// To add a route, add one line, saying who may use it (the rules of authorisation-matrix.rules.ts
// then give every identity's answer, the refusals included):
//   'GET /your/page': open()                                  anyone
//   'GET /cases/:id/yours': staff(everyStaff, { of: 'case' }) staff of these roles; a page of case A
//   'POST /cases/:id/yours': staff(caseWorkers, { of: 'case', ok: 400 })   an empty form: 400 for those let in
//   'GET /complaints/:id/x': staff(['manager'], { of: 'council' })   a record of council A, not a case
//   'GET /portal/yours': party()                              a party signed in to the portal
//   'GET /api/v1/yours': api(200, { of: 'case' })             the JSON API, with a council's token
// and `except: { identity: answer }` where one identity is answered otherwise (say why in a comment),
// `query: 'a=1&b=:councilId'` for a query string to send, `acts: true` for a POST whose empty form
// would do something (those let in are then not sent it).
// Path parameters are filled with council A's records in authorisation-matrix.fixtures.ts (add one
// there for a new kind of parameter).
import { api, caseWorkers, everyStaff, open, party, staff, type Entry } from './authorisation-matrix.rules.ts'
import type { Role } from '../../src/db/schema/index.ts'

const anyone: readonly Role[] = [...everyStaff, 'commissioner'] // every signed-in member of staff
const admins: readonly Role[] = ['administrator']
const overseers: readonly Role[] = ['manager', 'administrator']
const reportViewers: readonly Role[] = ['manager', 'administrator', 'commissioner']
const ofCase = { of: 'case' } as const
const ofCouncil = { of: 'council' } as const
const quarterOfA = 'council=:councilId&from=2026-07-01&to=2026-09-30'
/** A mediator sees only their own profile: the path names case A's mediator, not them. */
const ownProfile = { except: { mediator: 404 } } as const

export const matrix: Record<string, Entry> = {
  // Anyone: the start page, the not-found page, health, the public request and its tools.
  'GET /': open(),
  'GET /*': open(404),
  'GET /favicon.ico': open(),
  'GET /health': open(),
  'GET /ready': open(),
  'GET /dates': open(),
  'GET /dates/result': open(400), // no dates given: the form again with its errors
  'GET /api/docs/openapi.json': open(),

  // Signing in and out (staff).
  'GET /sign-in': open(),
  'POST /sign-in': open(400),
  'GET /sign-in/second-factor': open('sign-in', {
    except: {
      coordinator: 303,
      manager: 303,
      administrator: 303,
      commissioner: 303,
      mediator: 303,
      caseMediator: 303,
      otherCouncil: 303,
    },
  }),
  'POST /sign-in/second-factor': open('sign-in', {
    except: {
      coordinator: 303,
      manager: 303,
      administrator: 303,
      commissioner: 303,
      mediator: 303,
      caseMediator: 303,
      otherCouncil: 303,
    },
  }),
  'GET /sign-in/enrol': open('sign-in', {
    except: {
      coordinator: 303,
      manager: 303,
      administrator: 303,
      commissioner: 303,
      mediator: 303,
      caseMediator: 303,
      otherCouncil: 303,
    },
  }),
  'POST /sign-in/enrol': open('sign-in', {
    except: {
      coordinator: 303,
      manager: 303,
      administrator: 303,
      commissioner: 303,
      mediator: 303,
      caseMediator: 303,
      otherCouncil: 303,
    },
  }),
  'GET /sign-out': open('sign-in', {
    except: {
      coordinator: 200,
      manager: 200,
      administrator: 200,
      commissioner: 200,
      mediator: 200,
      caseMediator: 200,
      otherCouncil: 200,
    },
  }),
  'POST /sign-out': open('sign-in', { acts: true }),

  // Your account.
  'GET /account': staff(anyone),
  'POST /account/sessions/end': staff(anyone, { ok: 303 }),
  'GET /account/password': staff(anyone),
  'POST /account/password': staff(anyone, { ok: 400 }),

  // Administrators: staff accounts, councils, settings, API tokens, message wording.
  'GET /admin/users': staff(admins),
  'GET /admin/users/new': staff(admins),
  'POST /admin/users/new': staff(admins, { ok: 400 }),
  'GET /admin/users/:id': staff(admins),
  'POST /admin/users/:id/roles': staff(admins, { ok: 400 }),
  'POST /admin/users/:id/reset-password': staff(admins, { ok: 303 }),
  'POST /admin/users/:id/reset-second-factor': staff(admins, { ok: 303 }),
  'POST /admin/users/:id/disable': staff(admins, { ok: 303 }),
  'POST /admin/users/:id/enable': staff(admins, { ok: 303 }),
  'POST /admin/users/:id/unlock': staff(admins, { ok: 400 }), // the account is not locked: said on its page
  'GET /admin/users/:id/one-time-password': staff(admins),
  'GET /admin/councils': staff(admins),
  'GET /admin/councils/new': staff(admins),
  'POST /admin/councils/new': staff(admins, { ok: 400 }),
  'GET /admin/councils/:id': staff(admins),
  'POST /admin/councils/:id': staff(admins, { ok: 400 }),
  'GET /admin/settings': staff(admins),
  'POST /admin/settings': staff(admins, { ok: 400 }),
  'GET /admin/settings/authorities/:id': staff(admins, { ok: 301 }), // moved to /admin/councils/:id
  'GET /admin/bank-holidays': staff(admins),
  'POST /admin/bank-holidays': staff(admins, { ok: 400 }),
  'GET /admin/api-tokens': staff(admins),
  'GET /admin/api-tokens/new': staff(admins),
  'POST /admin/api-tokens/new': staff(admins, { ok: 400 }),
  'GET /admin/api-tokens/:id/token': staff(admins),
  'GET /admin/api-tokens/:id/revoke': staff(admins),
  'POST /admin/api-tokens/:id/revoke': staff(admins, { ok: 303 }),
  'GET /admin/api-tokens/:id/limit': staff(admins),
  'POST /admin/api-tokens/:id/limit': staff(admins, { ok: 400 }),
  'GET /admin/templates': staff(admins),
  'GET /admin/templates/:key': staff(admins),
  'POST /admin/templates/:key': staff(admins, { ok: 400 }),
  'POST /admin/templates/:key/reset': staff(admins, { ok: 303 }),

  // Managers and administrators: the audit trail and Sent messages (a message of council A's case).
  'GET /admin/audit': staff(overseers),
  'GET /admin/audit.csv': staff(overseers),
  // Imports of cases (src/features/imports): administrators only; an import that is not there is not found.
  'GET /admin/imports': staff(admins),
  'POST /admin/imports': staff(admins, { ok: 400 }), // no file: the form again
  'GET /admin/imports/:id': staff(admins, { ok: 404 }),
  'GET /admin/imports/:id/columns': staff(admins, { ok: 404 }),
  'POST /admin/imports/:id/columns': staff(admins, { ok: 404 }),
  'POST /admin/imports/:id/start': staff(admins, { ok: 404 }),
  'GET /admin/imports/:id/undo': staff(admins, { ok: 404 }),
  'POST /admin/imports/:id/undo': staff(admins, { ok: 404 }),
  // Exports of the case list: the staff who work cases, each of their own councils' cases.
  'GET /cases/export.csv': staff(caseWorkers),
  'GET /cases/export.zip': staff(caseWorkers),
  // Retention (src/features/retention): administrators only.
  'GET /admin/retention': staff(admins),
  'GET /admin/retention/councils/:id': staff(admins),
  'POST /admin/retention/councils/:id': staff(admins, { ok: 400 }),
  'GET /admin/retention/due': staff(admins),
  'GET /admin/retention/holds': staff(admins),
  'GET /admin/retention/holds/new': staff(admins),
  'POST /admin/retention/holds/new': staff(admins, { ok: 400 }),
  'GET /admin/retention/holds/:id/lift': staff(admins, { ok: 404 }), // no hold has the id: none is in place
  'POST /admin/retention/holds/:id/lift': staff(admins, { ok: 303 }), // no hold in place: back to the list
  'GET /admin/retention/runs': staff(admins),
  'GET /admin/messages': staff(overseers),
  'GET /admin/messages/:id': staff(overseers, ofCouncil),
  'GET /admin/messages/:id/letter.pdf': staff(overseers, ofCouncil),
  'GET /admin/messages/:id/attachments/:n': staff(overseers, ofCouncil),
  'POST /admin/messages/:id/retry': staff(overseers, { ...ofCouncil, ok: 303 }),
  'POST /admin/messages/:id/posted': staff(overseers, { ...ofCouncil, ok: 303 }),

  // The JSON API: a council's token, for its own council's cases.
  'POST /api/v1/enquiries': api(400),
  'GET /api/v1/cases/:reference': api(200, ofCase),
  'POST /api/v1/cases/:reference/events': api(400, ofCase),
  'POST /api/v1/cases/:reference/agreement': api(400, ofCase),
  'POST /api/v1/deadlines': api(400),
  'GET /api/v1/reports/summary': api(200, { query: 'from=2026-07-01&to=2026-09-30' }), // the token's council's figures

  // The public request (each step sends a visitor with no answers yet back to its start).
  'GET /request': open(),
  'POST /request': open(400),
  'GET /request/your-name': open(303),
  'POST /request/your-name': open(303),
  'GET /request/permission': open(303),
  'POST /request/permission': open(303),
  'GET /request/permission-needed': open(303),
  'GET /request/permission-details': open(303),
  'POST /request/permission-details': open(303),
  'GET /request/postcode': open(303),
  'POST /request/postcode': open(303),
  'GET /request/child': open(303),
  'POST /request/child': open(303),
  'GET /request/check': open(303),
  'POST /request/check': open(303),
  'GET /request/council': open(303),
  'POST /request/council': open(303),
  'GET /request/contact': open(303),
  'POST /request/contact': open(303),
  'GET /request/confirmation': open(303),
  'GET /request/ehc-plan': open(303),
  'POST /request/ehc-plan': open(303),
  'GET /request/about': open(303),
  'POST /request/about': open(303),
  'GET /request/adjustments': open(303),
  'POST /request/adjustments': open(303),
  'GET /request/decision': open(303),
  'POST /request/decision': open(303),
  'GET /request/with': open(303),
  'POST /request/with': open(303),
  'GET /request/what-happened': open(303),
  'POST /request/what-happened': open(303),
  'GET /request/supporter': open(303),
  'POST /request/supporter': open(303),

  // Reports: figures only (a commissioner's too); a run is its requester's (council A's manager).
  'GET /reports': staff(reportViewers),
  // Council A's report for a quarter: council B's staff are told it is not found.
  'GET /reports/report': staff(reportViewers, { ...ofCouncil, query: quarterOfA }),
  'GET /reports/report/csv/:table': staff(reportViewers, { ...ofCouncil, query: quarterOfA }),
  'GET /reports/report/pdf': staff(reportViewers, { ...ofCouncil, query: quarterOfA }),
  'POST /reports/runs': staff(reportViewers, { ok: 303 }),
  'GET /reports/runs/:id': staff(reportViewers, { ...ofCouncil, except: { commissioner: 404 } }),
  'GET /reports/runs/:id/csv/:table': staff(reportViewers, { ...ofCouncil, ok: 404 }), // not worked out yet
  'GET /reports/runs/:id/pdf': staff(reportViewers, { ...ofCouncil, ok: 404 }),

  // Staff's daily pages.
  'GET /today': staff(everyStaff),
  'GET /feedback': staff(everyStaff),
  'GET /enquiries/new': staff(caseWorkers),
  'POST /enquiries/new': staff(caseWorkers, { ok: 400 }),
  'GET /cases': staff(everyStaff),

  // A case: its pages (a mediator only while they hold it; a commissioner never).
  'GET /cases/:id': staff(everyStaff, ofCase),
  'GET /cases/:id/progress': staff(everyStaff, ofCase),
  'POST /cases/:id/progress/take': staff(caseWorkers, { ...ofCase, ok: 409 }), // no version: someone else changed it
  'GET /cases/:id/progress/council-contact': staff(caseWorkers, ofCase),
  'POST /cases/:id/progress/council-contact': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/progress/dates': staff(caseWorkers, ofCase),
  'POST /cases/:id/progress/dates': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/timeline': staff(everyStaff, ofCase),
  'GET /cases/:id/scope': staff(caseWorkers, ofCase),
  'POST /cases/:id/scope': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/actions/:action': staff(caseWorkers, ofCase),
  'POST /cases/:id/actions/:action': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/updates/new': staff(caseWorkers, ofCase),
  'POST /cases/:id/updates/new': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/portal': staff(caseWorkers, ofCase),
  'POST /cases/:id/portal/permissions': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'POST /cases/:id/portal/permissions/:permissionId/withdraw': staff(caseWorkers, { ...ofCase, ok: 303, acts: true }),

  // A case's preparation.
  'GET /cases/:id/preparation': staff(everyStaff, ofCase),
  'GET /cases/:id/preparation/contacts': staff(everyStaff, ofCase),
  'POST /cases/:id/preparation/contacts': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/preparation/child': staff(everyStaff, ofCase),
  'POST /cases/:id/preparation/child': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/preparation/issues': staff(everyStaff, ofCase),
  'POST /cases/:id/preparation/issues': staff(everyStaff, { ...ofCase, ok: 400 }),
  'POST /cases/:id/preparation/issues/move': staff(everyStaff, { ...ofCase, ok: 400 }),
  'POST /cases/:id/preparation/issues/merge': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/preparation/attendees': staff(everyStaff, ofCase),
  'POST /cases/:id/preparation/attendees': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/preparation/summaries': staff(everyStaff, ofCase),
  'POST /cases/:id/preparation/summaries': staff(everyStaff, { ...ofCase, ok: 400 }),
  'POST /cases/:id/preparation/summaries/release': staff(caseWorkers, { ...ofCase, ok: 303 }),
  'POST /cases/:id/preparation/summaries/release-date': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/preparation/summaries/:summaryId/download': staff(everyStaff, ofCase),

  // A case's agreement.
  'GET /cases/:id/agreement': staff(everyStaff, ofCase),
  'GET /cases/:id/agreement/meeting-record': staff(everyStaff, ofCase),
  'POST /cases/:id/agreement/meeting-record': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/agreement/points/new': staff(everyStaff, ofCase),
  'POST /cases/:id/agreement/points/new': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/agreement/points/:pointId': staff(everyStaff, ofCase),
  'POST /cases/:id/agreement/points/:pointId': staff(everyStaff, { ...ofCase, ok: 400 }),
  'POST /cases/:id/agreement/points/:pointId/remove': staff(everyStaff, { ...ofCase, ok: 400 }),
  'POST /cases/:id/agreement/points/:pointId/move': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/agreement/not-agreed': staff(everyStaff, ofCase),
  'POST /cases/:id/agreement/not-agreed': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/agreement/review': staff(everyStaff, ofCase),
  'POST /cases/:id/agreement/review': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/agreement/final': staff(everyStaff, ofCase),
  'GET /cases/:id/agreement/finalise': staff(everyStaff, ofCase),
  'POST /cases/:id/agreement/finalise': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/agreement/follow-up/:pointId': staff(everyStaff, ofCase),
  'POST /cases/:id/agreement/follow-up/:pointId': staff(everyStaff, { ...ofCase, ok: 400 }),
  'GET /cases/:id/agreement/agreement.pdf': staff(everyStaff, ofCase),
  'GET /cases/:id/agreement/outcome': staff(caseWorkers, ofCase),
  'POST /cases/:id/agreement/outcome': staff(caseWorkers, { ...ofCase, ok: 400 }),

  // A case's mediator: allocating, telling the parties, objections.
  'GET /cases/:id/mediator': staff(everyStaff, ofCase),
  'GET /cases/:id/mediator/allocate/:mediatorId': staff(caseWorkers, ofCase),
  'POST /cases/:id/mediator/allocate/:mediatorId': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/mediator/told/:partyId': staff(caseWorkers, ofCase),
  'POST /cases/:id/mediator/told/:partyId': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/mediator/objections/new': staff(caseWorkers, ofCase),
  'POST /cases/:id/mediator/objections/new': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/mediator/objections/:objectionId': staff(caseWorkers, ofCase),
  'POST /cases/:id/mediator/objections/:objectionId': staff(caseWorkers, { ...ofCase, ok: 400 }),

  // A case's meeting (arranged already: booking one leads to moving it).
  'GET /cases/:id/meeting': staff(everyStaff, ofCase),
  'GET /cases/:id/meeting/availability/:partyId': staff(caseWorkers, ofCase),
  'POST /cases/:id/meeting/availability/:partyId': staff(caseWorkers, { ...ofCase, ok: 303 }),
  'GET /cases/:id/meeting/book': staff(caseWorkers, { ...ofCase, ok: 303 }),
  'POST /cases/:id/meeting/book': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/meeting/move': staff(caseWorkers, ofCase),
  'POST /cases/:id/meeting/move': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/meeting/cancel': staff(caseWorkers, ofCase),
  'POST /cases/:id/meeting/cancel': staff(caseWorkers, { ...ofCase, ok: 400 }),

  // A case's messages and certificates.
  'GET /cases/:id/messages': staff(everyStaff, ofCase),
  'GET /cases/:id/messages/update': staff(caseWorkers, ofCase),
  'POST /cases/:id/messages/update': staff(caseWorkers, { ...ofCase, ok: 400 }),
  'GET /cases/:id/messages/:messageId': staff(everyStaff, ofCase),
  'GET /cases/:id/messages/:messageId/letter.pdf': staff(caseWorkers, ofCase),
  'GET /cases/:id/messages/:messageId/attachments/:n': staff(everyStaff, ofCase),
  'POST /cases/:id/messages/:messageId/retry': staff(caseWorkers, { ...ofCase, ok: 303 }),
  'POST /cases/:id/messages/:messageId/posted': staff(caseWorkers, { ...ofCase, ok: 303 }),
  'GET /cases/:id/certificates': staff(everyStaff, ofCase),
  'GET /cases/:id/certificates/:address': staff(everyStaff, ofCase),

  // Complaints (a complaint about case A belongs to council A).
  'GET /complaints': staff(caseWorkers),
  'GET /complaints/new': staff(caseWorkers),
  'POST /complaints/new': staff(caseWorkers, { ok: 400 }),
  'GET /complaints/:id': staff(caseWorkers, ofCouncil),
  'GET /complaints/:id/acknowledge': staff(caseWorkers, ofCouncil),
  'POST /complaints/:id/acknowledge': staff(caseWorkers, { ...ofCouncil, ok: 400 }),
  'GET /complaints/:id/respond': staff(caseWorkers, ofCouncil),
  'POST /complaints/:id/respond': staff(caseWorkers, { ...ofCouncil, ok: 400 }),
  'GET /complaints/:id/escalate': staff(caseWorkers, { ...ofCouncil, ok: 303 }), // not answered yet: nothing to escalate
  'POST /complaints/:id/escalate': staff(caseWorkers, { ...ofCouncil, ok: 400 }),
  'GET /complaints/:id/details': staff(caseWorkers, ofCouncil),
  'POST /complaints/:id/details': staff(caseWorkers, { ...ofCouncil, ok: 400 }),

  // The mediator panel (not a council's: every coordinator and manager sees it). The profile is
  // case A's mediator's.
  'GET /mediators': staff(caseWorkers),
  'GET /mediators/new': staff(overseers),
  'POST /mediators/new': staff(overseers, { ok: 400 }),
  'GET /mediators/me': staff(anyone, { ok: 404, except: { mediator: 303, caseMediator: 303 } }), // to their own profile
  'GET /mediators/:id': staff(everyStaff, ownProfile),
  'GET /mediators/:id/edit': staff(overseers),
  'POST /mediators/:id/edit': staff(overseers, { ok: 400 }),
  'GET /mediators/:id/cpd/new': staff(['manager', 'administrator', 'mediator'], ownProfile),
  'POST /mediators/:id/cpd/new': staff(['manager', 'administrator', 'mediator'], { ...ownProfile, ok: 400 }),
  'GET /mediators/:id/conflicts/new': staff(['manager', 'administrator', 'mediator'], ownProfile),
  'POST /mediators/:id/conflicts/new': staff(['manager', 'administrator', 'mediator'], { ...ownProfile, ok: 400 }),
  'POST /mediators/:id/conflicts/:conflictId/end': staff(['manager', 'administrator', 'mediator'], {
    ...ownProfile,
    ok: 303,
    acts: true,
  }),
  'GET /mediators/:id/unavailability/new': staff(everyStaff, ownProfile),
  'POST /mediators/:id/unavailability/new': staff(everyStaff, { ...ownProfile, ok: 400 }),
  'POST /mediators/:id/unavailability/:entryId/remove': staff(everyStaff, { ...ownProfile, ok: 303, acts: true }),

  // Venues.
  'GET /venues': staff(caseWorkers),
  'GET /venues/new': staff(caseWorkers),
  'POST /venues/new': staff(caseWorkers, { ok: 400 }),
  'GET /venues/:id': staff(caseWorkers),
  'POST /venues/:id': staff(caseWorkers, { ok: 400 }),
  'POST /venues/:id/rooms': staff(caseWorkers, { ok: 400 }),
  'POST /venues/:id/rooms/:roomId/remove': staff(caseWorkers, { ok: 303, acts: true }),

  // The parties' portal: signing in and out (anyone), then their own case's pages. A path naming one
  // of case A's records is "not found" for a party of another case.
  'GET /portal/sign-in': open(),
  'POST /portal/sign-in': open(400),
  'GET /portal/sign-in/sent': open(),
  'GET /portal/sign-in/code': open('portal-sign-in'), // no code was asked for
  'POST /portal/sign-in/code': open('portal-sign-in'),
  'GET /portal/sign-in/:token': open(410), // a link nobody was sent
  'POST /portal/sign-in/:token': open(410),
  'GET /portal/sign-out': open(303, { except: { party: 200, otherParty: 200 } }), // the button, for a party
  'POST /portal/sign-out': open(303, { acts: true }),
  'GET /portal/signed-out': open(),
  'POST /portal/sign-out-everywhere': party(303, { acts: true }),
  'GET /portal': party(),
  'GET /portal/still-here': party(204),
  'GET /portal/summary': party(),
  'POST /portal/summary': party(400),
  'GET /portal/summary/:summaryId/download': party(200, ofCase),
  'GET /portal/cases': party(),
  'POST /portal/cases': party(404), // no case chosen
  'GET /portal/contact': party(),
  'POST /portal/contact': party(400),
  'GET /portal/complaint': party(),
  'POST /portal/complaint': party(400),
  'GET /portal/complaint/received': party(),
  'GET /portal/attendees': party(),
  'POST /portal/attendees': party(400),
  'POST /portal/attendees/:attendeeId/remove': party(303, { ...ofCase, acts: true }),
  'GET /portal/availability': party(),
  'POST /portal/availability': party(400),
  'GET /portal/agreement': party(),
  'POST /portal/agreement/accept': party(404), // no agreement named
  'GET /portal/agreement/agreement.pdf': party(), // their own case's agreement
  'GET /portal/meeting': party(),
  'POST /portal/meeting': party(400),
  'GET /portal/documents': party(),
  'GET /portal/documents/certificates/:file': party(200, ofCase),
  'GET /portal/documents/letters/:file': party(404, ofCase), // the letter is to case A's parent, but not sent yet
  'GET /portal/feedback': party(),
  'POST /portal/feedback': party(400),
  'GET /portal/permissions': party(),
  'POST /portal/permissions/:permissionId/withdraw': party(303, { ...ofCase, acts: true }),

  // The service's public pages (anyone), and their wording (administrators).
  'GET /services': open(),
  'GET /services/:council': open(),
  'GET /privacy': open(),
  'GET /accessibility': open(),
  'GET /cookies': open(),
  'GET /admin/public-pages': staff(admins),
  'POST /admin/public-pages': staff(admins, { ok: 400 }),
  'GET /admin/public-pages/:page': staff(admins),
  'POST /admin/public-pages/:page': staff(admins, { ok: 400 }),
  'POST /admin/public-pages/:page/reset': staff(admins, { ok: 409 }), // no version: someone else changed it

  // People's rights requests (managers and administrators of the request's council). The export of a
  // request with nobody found yet is refused (400); the :exportId is no export of it (404).
  'GET /rights': staff(overseers),
  'GET /rights/new': staff(overseers),
  'POST /rights/new': staff(overseers, { ok: 400 }),
  'GET /rights/:id': staff(overseers, ofCouncil),
  'POST /rights/:id/matches': staff(overseers, { ...ofCouncil, ok: 400 }),
  'POST /rights/:id/decision': staff(overseers, { ...ofCouncil, ok: 400 }),
  'POST /rights/:id/done': staff(overseers, { ...ofCouncil, ok: 400 }),
  'GET /rights/:id/correct': staff(overseers, { ...ofCouncil, ok: 404 }), // no person of the request named: nothing to correct
  'POST /rights/:id/correct': staff(overseers, { ...ofCouncil, ok: 404 }),
  'POST /rights/:id/exports': staff(overseers, { ...ofCouncil, ok: 400 }),
  'GET /rights/:id/exports/:exportId': staff(overseers, { ...ofCouncil, ok: 404 }),

  // Information sessions: booking one (anyone), and running them (staff of the session's council).
  'GET /services/:council/sessions': open(),
  'GET /services/:council/sessions/:id': open(),
  'GET /services/:council/sessions/:id/book': open(),
  'POST /services/:council/sessions/:id/book': open(400),
  'GET /services/:council/sessions/:id/check': open(303), // nothing typed yet: back to the form
  'POST /services/:council/sessions/:id/check': open(303),
  'GET /services/:council/sessions/:id/booked': open(303), // nothing booked in this browser
  'GET /services/:council/sessions/bookings/:token': open(404), // a booking nobody made
  'POST /services/:council/sessions/bookings/:token': open(404),
  'GET /sessions': staff(caseWorkers),
  'GET /sessions/new': staff(caseWorkers),
  'POST /sessions/new': staff(caseWorkers, { ok: 400 }),
  'GET /sessions/:id': staff(caseWorkers, ofCouncil),
  'GET /sessions/:id/change': staff(caseWorkers, ofCouncil),
  'POST /sessions/:id/change': staff(caseWorkers, { ...ofCouncil, ok: 400 }),
  'GET /sessions/:id/cancel': staff(caseWorkers, ofCouncil),
  'POST /sessions/:id/cancel': staff(caseWorkers, { ...ofCouncil, ok: 400 }),
  'GET /sessions/:id/attendance': staff(caseWorkers, ofCouncil),
  'POST /sessions/:id/attendance': staff(caseWorkers, { ...ofCouncil, ok: 400 }),
  'GET /sessions/:id/message': staff(caseWorkers, ofCouncil),
  'POST /sessions/:id/message': staff(caseWorkers, { ...ofCouncil, ok: 400 }),

  // The directory feed (Open Referral UK): anyone, read-only. The ids are none of its records.
  'GET /api/openreferral': open(),
  'GET /api/openreferral/services': open(),
  'GET /api/openreferral/services/:id': open(404),
  'GET /api/openreferral/service_at_locations': open(),
  'GET /api/openreferral/service_at_locations/:id': open(404),
  'GET /api/openreferral/organizations': open(),
  'GET /api/openreferral/organizations/:id': open(404),
  'GET /api/openreferral/locations': open(),
  'GET /api/openreferral/locations/:id': open(404),
}
