import type { MessageTemplate } from '../messages/templates.ts'

export const meetingTemplates: readonly MessageTemplate[] = []
