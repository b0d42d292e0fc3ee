// What the meetings area offers others: the reminders job and its message wording.
export { queueMeetingReminders } from './reminders.ts'
export { meetingTemplates } from './templates.ts'
