// Loopback helpers shared by the unit and end-to-end tests.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** A loopback port where nothing listens (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
