// The OCI distribution client: see client.ts for the requests, copy.ts for retagging.
export { RegistryClient } from './client.ts';
export type { RegistryClientOptions, ManifestInfo, FetchedManifest, ReferenceInput, RepositoryInput } from './client.ts';
export { copyImage } from './copy.ts';
export type { CopyResult } from './copy.ts';
export type { RegistryCredentials, CredentialLookup, CredentialSource } from './auth.ts';
export { RegistryError } from './registry-error.ts';
export {
  parseReference,
  parseRepository,
  formatReference,
  isDigest,
  DOCKER_HUB,
} from './reference.ts';
export type { ImageReference, RepositoryRef } from './reference.ts';
export {
  OCI_INDEX,
  OCI_MANIFEST,
  DOCKER_MANIFEST_LIST,
  DOCKER_MANIFEST,
  isIndexMediaType,
  parsePlatform,
  formatPlatform,
  selectPlatformManifest,
  sha256Digest,
  labelsOf,
} from './manifest.ts';
export type { Descriptor, Platform, ImageIndex, ImageManifest, ImageConfig } from './manifest.ts';
export { isLoopbackHost } from './transport.ts';
export type { InsecureRegistryCheck } from './schemes.ts';
export { parseWwwAuthenticate } from './challenge.ts';
export type { Challenge } from './challenge.ts';
