// Makes a server of the stack that listens on loopback reachable at another address of
// this machine as well: the gateway of the engine's bridge, the address a container on
// that bridge (a docker-container builder) reaches this machine at. Bytes are copied both
// ways, so the server sees each request as its client sent it, Host header included, and
// the registry's upload locations name the address the client used.
//
//   node scripts/stack/forward.mjs --stack DIR LISTEN_HOST:PORT=TARGET_HOST:PORT ...
//
// --stack names the stack's folder only so that scripts/stack/lib.sh's `alive` knows the
// process for the stack's own.
import net from 'node:net';

const split = (address) => {
  const colon = address.lastIndexOf(':');
  return { host: address.slice(0, colon), port: Number(address.slice(colon + 1)) };
};
const pairs = process.argv.slice(2).filter((arg, i, all) => arg !== '--stack' && all[i - 1] !== '--stack');
if (pairs.length === 0 || pairs.some((pair) => !/^[^=]+:\d+=[^=]+:\d+$/.test(pair))) {
  console.error('usage: node scripts/stack/forward.mjs --stack DIR LISTEN_HOST:PORT=TARGET_HOST:PORT ...');
  process.exit(2);
}
for (const pair of pairs) {
  const [listen, target] = pair.split('=').map(split);
  const server = net.createServer((client) => {
    const upstream = net.connect(target.port, target.host);
    // Either side's end or failure ends the other: no half-open connections pile up.
    for (const [a, b] of [[client, upstream], [upstream, client]]) {
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
    }
    client.pipe(upstream).pipe(client);
  });
  server.on('error', (error) => {
    console.error(`forward ${pair}: ${error.message}`);
    process.exit(1);
  });
  server.listen(listen.port, listen.host, () => console.log(`forwarding ${listen.host}:${listen.port} to ${target.host}:${target.port}`));
}
