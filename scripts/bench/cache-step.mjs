// One actions/cache step (restore or save) in its own process, as the
// actions/cache action runs it (restore in main, save in post):
//   node scripts/bench/cache-step.mjs restore|save '{"path":…,"key":…,"restoreKeys":[…]}'
// Prints `::bench-result::{json}` (the matched key or the entry id, and seconds).
const [mode, json] = process.argv.slice(2);
const job = JSON.parse(json);
const cache = await import('@actions/cache');
const started = Date.now();
let result;
try {
  if (mode === 'restore') result = { key: (await cache.restoreCache([job.path], job.key, job.restoreKeys)) ?? null };
  else result = { id: await cache.saveCache([job.path], job.key) };
} catch (error) {
  result = { error: String(error?.message ?? error) };
}
result.seconds = (Date.now() - started) / 1000;
process.stdout.write(`\n::bench-result::${JSON.stringify(result)}\n`);
process.exit(0);
