// Image references (`registry/repository[:tag][@digest]`), parsed and normalised the
// way Docker does it (github.com/distribution/reference), so that `busybox`,
// `docker.io/busybox` and `index.docker.io/library/busybox` name one repository.
import { UserError } from '../common/errors.ts';

/** A repository on a registry: the part of a reference that scopes tokens and blobs. */
export interface RepositoryRef {
  /** Host and optional port as written, e.g. `ghcr.io`, `127.0.0.1:15000`, `docker.io`. */
  registry: string;
  /** Path inside the registry, e.g. `org/app`, `library/busybox`. */
  repository: string;
}

export interface ImageReference extends RepositoryRef {
  tag?: string;
  /** `algorithm:hex`, e.g. `sha256:…`. When both are given, the digest is what is fetched. */
  digest?: string;
}

export const DOCKER_HUB = 'docker.io';
/** Docker Hub's API host: `docker.io` itself serves no registry API. */
const DOCKER_HUB_API_HOST = 'registry-1.docker.io';
const DEFAULT_TAG = 'latest';
const MAX_NAME_LENGTH = 255;

// The grammar of github.com/distribution/reference (regexp.go).
const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const DOMAIN_COMPONENT = /^(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])$/;
const IPV6_HOST = /^\[[a-fA-F0-9:]+\]$/;
const PORT = /^[0-9]+$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
/** Hex lengths of the digest algorithms registries actually verify. */
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha512: 128 };

/**
 * Parses `[registry/]repository[:tag][@digest]`. Docker Hub names are normalised
 * (`busybox` → `docker.io/library/busybox`). Neither tag nor digest is filled in when
 * absent; `manifestReference` supplies `latest` where a request needs one.
 * Throws a UserError that quotes the text and says what is wrong with it.
 */
export function parseReference(text: string, where: { input?: string } = {}): ImageReference {
  const invalid = (reason: string) =>
    new UserError(`"${text}" is not a valid image reference: ${reason}`, where);
  const trimmed = text.trim();
  if (trimmed === '') throw invalid('it is empty');
  if (/\s/.test(trimmed)) throw invalid('it contains white space');

  let rest = trimmed;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    checkDigest(digest, invalid);
  }

  let tag: string | undefined;
  // A tag's colon comes after the last slash; an earlier colon belongs to a port.
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) {
      throw invalid(`tag "${tag}" must be 1 to 128 letters, digits, "_", "." or "-", not starting with "." or "-"`);
    }
  }

  if (rest.length > MAX_NAME_LENGTH) throw invalid(`the name is longer than ${MAX_NAME_LENGTH} characters`);
  const { registry, repository } = splitRegistry(rest);
  checkRegistry(registry, invalid);
  checkRepository(repository, invalid);

  const reference: ImageReference = { registry, repository };
  if (tag !== undefined) reference.tag = tag;
  if (digest !== undefined) reference.digest = digest;
  return reference;
}

/** Parses a reference that must name only a repository (no tag, no digest). */
export function parseRepository(text: string, where: { input?: string } = {}): RepositoryRef {
  const { registry, repository, tag, digest } = parseReference(text, where);
  if (tag !== undefined || digest !== undefined) {
    throw new UserError(`"${text}" must name a repository without a tag or digest`, where);
  }
  return { registry, repository };
}

/** `registry/repository[:tag][@digest]`, the canonical form. */
export function formatReference(reference: ImageReference | RepositoryRef): string {
  const { tag, digest } = reference as ImageReference;
  return (
    `${reference.registry}/${reference.repository}` +
    (tag !== undefined ? `:${tag}` : '') +
    (digest !== undefined ? `@${digest}` : '')
  );
}

/** What goes after `/manifests/` in a request: the digest if known, else the tag, else `latest`. */
export function manifestReference(reference: ImageReference): string {
  return reference.digest ?? reference.tag ?? DEFAULT_TAG;
}

/** The host that serves the registry API for a registry name. */
export function apiHost(registry: string): string {
  return registry === DOCKER_HUB ? DOCKER_HUB_API_HOST : registry;
}

export function isDigest(text: string): boolean {
  return DIGEST.test(text) && hasKnownLength(text);
}

function splitRegistry(name: string): RepositoryRef {
  const slash = name.indexOf('/');
  const first = slash < 0 ? '' : name.slice(0, slash);
  // Docker's rule: the first component is a registry only if it looks like a host
  // (has a dot or a port, is `localhost`, or has capitals, which repositories cannot).
  const looksLikeHost =
    slash >= 0 && (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase());
  if (!looksLikeHost) return dockerHub(name);
  const registry = first === 'index.docker.io' ? DOCKER_HUB : first;
  const repository = name.slice(slash + 1);
  return registry === DOCKER_HUB ? dockerHub(repository) : { registry, repository };
}

/** Official images live under `library/` on Docker Hub. */
function dockerHub(repository: string): RepositoryRef {
  return { registry: DOCKER_HUB, repository: repository.includes('/') ? repository : `library/${repository}` };
}

function checkRegistry(registry: string, invalid: (reason: string) => UserError): void {
  let host = registry;
  let port: string | undefined;
  const portColon = registry.startsWith('[') ? registry.indexOf(':', registry.indexOf(']')) : registry.indexOf(':');
  if (portColon >= 0) {
    host = registry.slice(0, portColon);
    port = registry.slice(portColon + 1);
  }
  const hostOk = IPV6_HOST.test(host) || host.split('.').every((part) => DOMAIN_COMPONENT.test(part));
  if (!hostOk || (port !== undefined && !PORT.test(port))) {
    throw invalid(`registry "${registry}" is not a host name with an optional port`);
  }
}

function checkRepository(repository: string, invalid: (reason: string) => UserError): void {
  if (repository === '') throw invalid('the repository name is empty');
  if (repository !== repository.toLowerCase()) throw invalid(`repository "${repository}" must be lowercase`);
  for (const component of repository.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      throw invalid(
        `repository "${repository}" has a bad path component "${component}": ` +
          'use lowercase letters and digits, separated by ".", "_", "__" or "-"',
      );
    }
  }
}

function checkDigest(digest: string, invalid: (reason: string) => UserError): void {
  if (!DIGEST.test(digest)) throw invalid(`digest "${digest}" must look like sha256:<64 hex digits>`);
  if (!hasKnownLength(digest)) {
    const [algorithm] = digest.split(':');
    throw invalid(`a ${algorithm} digest has ${DIGEST_HEX_LENGTH[algorithm!]} hex digits`);
  }
}

function hasKnownLength(digest: string): boolean {
  const [algorithm, hex] = digest.split(':') as [string, string];
  const expected = DIGEST_HEX_LENGTH[algorithm];
  return expected === undefined || hex.length === expected;
}
