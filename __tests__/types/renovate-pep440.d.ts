// The part of @renovate/pep440 (no types of its own) the oracle test reads, as
// metadata-action calls it.
declare module '@renovate/pep440' {
  interface Explained {
    is_prerelease: boolean;
    is_postrelease: boolean;
    is_devrelease: boolean;
  }
  const pep440: {
    valid(version: string): string | null;
    clean(version: string): string | null;
    explain(version: string): Explained | null;
    major(version: string): number;
    minor(version: string): number;
    patch(version: string): number;
  };
  export default pep440;
}
