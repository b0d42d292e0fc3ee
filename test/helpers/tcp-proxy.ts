// A TCP proxy on a local port that a test can cut and restore: the database "goes away" for the
// app behind it (every connection dropped, new ones refused) without stopping the real server.
import net from 'node:net'

export interface TcpProxy {
  port: number
  /** Drops every connection and refuses new ones until restored. */
  cut(): void
  restore(): void
  close(): Promise<void>
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<net.Socket>()
  let cutOff = false
  const server = net.createServer((client) => {
    if (cutOff) return client.destroy()
    const upstream = net.connect(target.port, target.host)
    open.add(client).add(upstream)
    const drop = () => {
      client.destroy()
      upstream.destroy()
      open.delete(client)
      open.delete(upstream)
    }
    client.on('error', drop).on('close', drop)
    upstream.on('error', drop).on('close', drop)
    client.pipe(upstream).pipe(client)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address() as net.AddressInfo
  const cut = () => {
    cutOff = true
    for (const socket of open) socket.destroy()
    open.clear()
  }
  return {
    port: address.port,
    cut,
    restore() {
      cutOff = false
    },
    close() {
      cut()
      return new Promise((resolve) => server.close(() => resolve()))
    },
  }
}
