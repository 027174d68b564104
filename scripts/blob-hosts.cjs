// Preloaded (node --require) into the action's process by the test harness
// (run-action.mjs): host names of Azure Blob Storage (<account>.blob.core.windows.net)
// resolve to 127.0.0.1, where the cache-service emulator passes blob requests on to
// Azurite (azurite-blobs.mjs). Every other name resolves as usual. This is what lets
// @actions/cache take its Azure SDK paths, which it chooses by that host name, with
// no request ever leaving the machine.
const dns = require('node:dns');

const AZURE_BLOB_HOST = /\.blob\.core\.windows\.net\.?$/i;
const resolve = dns.lookup;

dns.lookup = function lookup(hostname, options, callback) {
  if (typeof options === 'function') [callback, options] = [options, {}];
  if (!AZURE_BLOB_HOST.test(String(hostname))) return resolve.call(this, hostname, options, callback);
  const all = typeof options === 'object' && options !== null && options.all;
  process.nextTick(() => (all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)));
  return {};
};
