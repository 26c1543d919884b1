/** Types for package-files.mjs (what goes into a store package; reading a zip back). */
export interface PackageOptions {
  /** Keep `*.map` files (left out by default). */
  sourcemaps?: boolean;
}

/** Why a file (relative, with `/`) is left out of the package, or null when it goes in. */
export function excludedReason(rel: string, options?: PackageOptions): string | null;

/** The files of a build folder that go into its package, relative and sorted. */
export function packageFiles(dir: string, options?: PackageOptions): string[];

/** The files of a build folder that are left out of its package, with the reason. */
export function leftOutFiles(dir: string, options?: PackageOptions): { file: string; reason: string }[];

/** The files a manifest names, relative to the extension root, sorted. */
export function manifestFiles(manifest: Record<string, unknown>): string[];

/** Every ancestor folder of `files`, each with a trailing `/` as in a zip. */
export function packageDirs(files: string[]): Set<string>;

/** The entries of a zip archive: files with their contents, and its folder entries (ending in `/`). */
export function readZip(zip: Buffer): { files: Map<string, Buffer>; dirs: string[] };

/** Writes the files of a zip (as `readZip` returns them) into `dir`. */
export function unpackZip(files: Map<string, Buffer>, dir: string): void;
