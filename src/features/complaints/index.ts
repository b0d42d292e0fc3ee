// What the complaints area offers others: a complaint made in the portal recorded in the register
// (in the portal's transaction), the figures for reports, what Today shows of complaints, the
// complaints about a mediator for their panel record, and the area's message wording.
export { complaintFigures, type ComplaintFigures } from './figures.ts'
export { complaintsAboutMediatorFor } from './mediator-record.ts'
export { recordPortalComplaint } from './record-service.ts'
export { complaintTemplates } from './templates.ts'
export { type ComplaintDue, complaintsDue, complaintsTodaySection } from './today-section.ts'
