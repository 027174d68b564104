// Injected into the CommonJS bundles: ESM dependencies use import.meta.url.
export const import_meta_url = require('node:url').pathToFileURL(__filename).href;
