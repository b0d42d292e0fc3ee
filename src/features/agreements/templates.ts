import type { MessageTemplate } from '../messages/templates.ts'

export const agreementTemplates: readonly MessageTemplate[] = []
