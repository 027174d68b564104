// Errors from talking to a registry. They are UserErrors (printed as one clean
// annotation): a wrong password, a missing image or an unreachable host are things the
// user fixes, and a stack trace would not help them.
import { UserError } from '../common/errors.ts';

export class RegistryError extends UserError {
  /** The registry as the user named it, e.g. `ghcr.io`. */
  readonly registry: string;
  /** HTTP status, when the registry answered. */
  readonly status?: number;
  /** The registry's error code (`MANIFEST_UNKNOWN`, `DENIED`, …) or a network code (`ECONNREFUSED`, `TIMEOUT`). */
  readonly code?: string;
  /** A failure another attempt may not hit (a dropped connection, a timeout, a 5xx), after the retries ran out. */
  readonly retryable: boolean;

  constructor(message: string, details: { registry: string; status?: number; code?: string | undefined; retryable?: boolean }) {
    super(message);
    this.name = 'RegistryError';
    this.registry = details.registry;
    this.status = details.status;
    this.code = details.code;
    this.retryable = details.retryable ?? false;
  }
}

interface DistributionErrorBody {
  errors?: { code?: string; message?: string; detail?: unknown }[];
}

/**
 * The first error of a distribution-spec error body, e.g. `{ code: 'MANIFEST_UNKNOWN',
 * text: 'manifest unknown' }`; undefined when the body is not one.
 */
export function registryErrorOf(body: Uint8Array): { code: string; text: string } | undefined {
  if (body.length === 0 || body.length > 64 * 1024) return undefined;
  try {
    const parsed = JSON.parse(new TextDecoder().decode(body)) as DistributionErrorBody;
    const first = parsed.errors?.[0];
    if (!first?.code) return undefined;
    let text = first.message ?? first.code.toLowerCase().replaceAll('_', ' ');
    // A string detail says what exactly is wrong (distribution: "mediaType in manifest
    // should be … not …"); structured details (the access a 401 wanted) add nothing.
    if (typeof first.detail === 'string' && first.detail !== '') text += ` (${first.detail.slice(0, 300)})`;
    return { code: first.code, text };
  } catch {
    return undefined;
  }
}

/** `: MANIFEST_UNKNOWN manifest unknown`, or '' when the body says nothing useful. */
export function registryErrorSuffix(body: Uint8Array): string {
  const error = registryErrorOf(body);
  return error ? `: ${error.code} ${error.text}` : '';
}
