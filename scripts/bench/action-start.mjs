// What a JavaScript action costs before it does its work, for the anchor
// (build-push-action + type=gha): docker/metadata-action and
// docker/build-push-action ship as single bundles of a few MB that are not on
// the npm registry. This stands in for them: a Node process that loads
// @actions/core and @actions/cache (a dependency tree of the same order as the
// bundles: the Azure storage client, the HTTP client, the toolkit), plus what
// build-push-action asks Docker before it builds (`docker version`,
// `docker buildx version`, `docker buildx inspect`).
//   node scripts/bench/action-start.mjs metadata|build|post
import { execFileSync } from 'node:child_process';

const mode = process.argv[2];
await import('@actions/core');
if (mode !== 'post') await import('@actions/cache');
if (mode === 'build') {
  for (const args of [['version'], ['buildx', 'version'], ['buildx', 'inspect']]) execFileSync('docker', args, { stdio: 'ignore' });
}
process.exit(0);
