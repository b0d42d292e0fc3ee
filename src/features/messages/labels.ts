// How messages read on staff pages: their status and channel, in words and as tags (never colour alone).
import type { Channel } from './outbox.ts'

export type MessageStatus = 'queued' | 'sending' | 'sent' | 'failed' | 'kept'

export const messageStatuses: readonly MessageStatus[] = ['queued', 'sending', 'sent', 'failed', 'kept']
export const messageChannels: readonly Channel[] = ['email', 'text', 'letter']

export const statusLabels: Record<MessageStatus, string> = {
  queued: 'Waiting to be sent',
  sending: 'Being sent',
  sent: 'Sent',
  failed: 'Could not be sent',
  kept: 'Kept, not sent',
}

export const channelLabels: Record<Channel, string> = { email: 'Email', text: 'Text message', letter: 'Letter' }

const tagClasses: Record<MessageStatus, string> = {
  queued: 'govuk-tag--blue',
  sending: 'govuk-tag--blue',
  sent: 'govuk-tag--green',
  failed: 'govuk-tag--red',
  kept: 'govuk-tag--grey',
}

/** A letter is never sent by Parley: kept means it is waiting to be printed and posted. */
export function statusTag(status: string, channel: string): { text: string; classes: string } {
  if (channel === 'letter' && status === 'kept') return { text: 'To print and post', classes: 'govuk-tag--yellow' }
  if (channel === 'letter' && status === 'sent') return { text: 'Posted', classes: 'govuk-tag--green' }
  return {
    text: statusLabels[status as MessageStatus] ?? status,
    classes: tagClasses[status as MessageStatus] ?? 'govuk-tag--grey',
  }
}

export const channelLabel = (channel: string) => channelLabels[channel as Channel] ?? channel

/** Placeholders as the wording pages write them: ((name)), ((link)). */
export const placeholderList = (names: readonly string[]) => names.map((n) => `((${n}))`).join(', ')
