// Runs the action on examples/hello against the local stack and shows what a
// workflow would see: the outputs, the pushed tags and the registry's digest.
import path from 'node:path';
import { root, runAction, stackEnv } from './run-action.mjs';

const stack = stackEnv();
const result = await runAction({
  workspace: root,
  runnerTemp: path.join(root, '.stack', 'demo-runner-temp'),
  inputs: {
    context: 'examples/hello',
    images: `${stack.IMAGE_BUILD_REGISTRY}/demo/hello`,
    'build-args': `BASE=${stack.IMAGE_BUILD_BASE_IMAGE}`,
  },
});
process.stdout.write(result.stdout.split('\n').filter((line) => !line.startsWith('::')).slice(-12).join('\n') + '\n');
if (result.code !== 0) {
  process.stderr.write(result.stdout + result.stderr);
  process.exit(result.code);
}
console.log('\ntags:');
for (const tag of result.outputs.tags.split('\n')) console.log(`  ${tag}`);
console.log(`cache: ${result.outputs['cache-hit']}  built: ${result.outputs.built}  (${result.seconds.toFixed(1)} s)`);
console.log(`digest: ${result.outputs.digest}`);
