// A real SMTP server inside the test: messages arrive through a real SMTP conversation and are
// parsed with mailparser, so tests check what a mail client would see.
import { simpleParser, type ParsedMail } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface TestSmtp {
  url: string
  port: number
  received: ParsedMail[]
  /** Waits until at least `count` messages have arrived (or fails after `ms`). */
  waitFor(count: number, ms?: number): Promise<ParsedMail[]>
  close(): Promise<void>
}

export async function startSmtpServer(port = 0): Promise<TestSmtp> {
  const received: ParsedMail[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push(mail)
          callback()
        })
        .catch(callback)
    },
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, '127.0.0.1', () => resolve())
  })
  const address = server.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  return {
    url: `smtp://127.0.0.1:${actualPort}`,
    port: actualPort,
    received,
    async waitFor(count, ms = 10_000) {
      const until = Date.now() + ms
      while (received.length < count) {
        if (Date.now() > until) throw new Error(`expected ${count} messages by SMTP, got ${received.length}`)
        await new Promise((resolve) => setTimeout(resolve, 25))
      }
      return received
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}
