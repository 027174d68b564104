"use strict";
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// scripts/import-meta-url.js
var import_meta_url = require("node:url").pathToFileURL(__filename).href;

// src/action/post.ts
var import_node_child_process = require("node:child_process");

// src/buildx/docker-config.ts
var import_node_fs = __toESM(require("node:fs"), 1);

// ../main/node_modules/csv-parse/lib/api/index.js
var boms = {
  // Note, the following are equals:
  // Buffer.from("\ufeff")
  // Buffer.from([239, 187, 191])
  // Buffer.from('EFBBBF', 'hex')
  utf8: Buffer.from([239, 187, 191]),
  // Note, the following are equals:
  // Buffer.from "\ufeff", 'utf16le
  // Buffer.from([255, 254])
  utf16le: Buffer.from([255, 254])
};

// src/buildx/docker-config.ts
function removeDockerConfig(dir2) {
  import_node_fs.default.rmSync(dir2, { recursive: true, force: true });
}
var SECRETS_STATE = "image-build-secrets-dir";

// src/buildx/own-builder-state.ts
var OWN_BUILDER_STATE = "own-builder";

// src/action/post.ts
var dir = process.env[`STATE_${SECRETS_STATE}`];
if (dir) removeDockerConfig(dir);
var builder = process.env[`STATE_${OWN_BUILDER_STATE}`];
if (builder) (0, import_node_child_process.spawnSync)("docker", ["buildx", "rm", "--force", builder], { stdio: "ignore", timeout: 6e4 });
