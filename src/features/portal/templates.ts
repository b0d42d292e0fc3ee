import type { MessageTemplate } from '../messages/templates.ts'

export const portalTemplates: readonly MessageTemplate[] = []
