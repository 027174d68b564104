// --bridge: the builder docker/setup-buildx-action makes by default, `docker-container` on
// the engine's default bridge network, for every tool. A container there reaches this
// machine only at the bridge's gateway, so the registry (or its proxy) and the
// cache-service emulators listen there, and the images are named there. BuildKit reads no
// insecure-registries list of the engine's: its own config (buildkitd.toml) says that the
// registry at the gateway speaks plain HTTP. One builder per network profile, as each
// profile's registry proxy has a port of its own; removed when the profile is done.
import fs from 'node:fs';
import path from 'node:path';

export const BUILDKIT_IMAGE = process.env.IMAGE_BUILD_BUILDKIT_IMAGE || 'moby/buildkit:buildx-stable-1';

export async function makeBridgeBuilder(bench, name, registryHost, dir) {
  const config = path.join(dir, `${name}.toml`);
  fs.writeFileSync(config, `[registry."${registryHost}"]\n  http = true\n`);
  const remove = () => bench.run('docker', ['buildx', 'rm', '--force', name], { allowFail: true });
  // A create whose bootstrap fails (no BuildKit image) still leaves the builder listed.
  await bench.run('docker', ['buildx', 'create', '--name', name, '--driver', 'docker-container', '--driver-opt', `image=${BUILDKIT_IMAGE}`, '--buildkitd-config', config, '--bootstrap'])
    .catch(async (error) => {
      await remove();
      throw error;
    });
  bench.log(`made builder ${name} (docker-container, bridge network; ${registryHost} in plain HTTP)`);
  return { name, remove };
}
