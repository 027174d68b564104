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

// src/buildx/docker-config.ts
var import_node_fs3 = __toESM(require("node:fs"), 1);

// src/common/cancel.ts
var import_node_fs = __toESM(require("node:fs"), 1);
var STOP_GRACE_MS = 4e3;
var stopping = /* @__PURE__ */ new Map();
function stopChild(child, graceMs = STOP_GRACE_MS) {
  const known = stopping.get(child);
  if (known) return known;
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once("close", () => resolve()));
  child.kill("SIGINT");
  const timer = setTimeout(() => killTree(child), graceMs);
  const done = exited.finally(() => {
    clearTimeout(timer);
    stopping.delete(child);
  });
  stopping.set(child, done);
  return done;
}
function killTree(child) {
  if (child.pid === void 0) return;
  for (const pid of [child.pid, ...descendants(child.pid)]) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
    }
  }
}
function descendants(pid) {
  const found = [];
  const queue = [pid];
  while (queue.length) {
    const parent = queue.shift();
    let children = [];
    try {
      const tasks = import_node_fs.default.readdirSync(`/proc/${parent}/task`);
      children = tasks.flatMap((task) => readChildren(parent, task));
    } catch {
      continue;
    }
    found.push(...children);
    queue.push(...children);
  }
  return found;
}
function readChildren(pid, task) {
  try {
    return import_node_fs.default.readFileSync(`/proc/${pid}/task/${task}/children`, "utf8").split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

// src/common/process.ts
var import_node_child_process = require("node:child_process");
var import_node_fs2 = __toESM(require("node:fs"), 1);
var import_node_path = __toESM(require("node:path"), 1);
var import_node_string_decoder = require("node:string_decoder");
var CommandNotFoundError = class extends Error {
  constructor(command) {
    super(`${command} was not found on PATH`);
    this.command = command;
    this.name = "CommandNotFoundError";
  }
  command;
  code = "ENOENT";
};
var defaultSignal;
function runProcess(name, args, options) {
  let started;
  try {
    started = start(name, args, options);
  } catch (error) {
    return Promise.reject(error);
  }
  const { child, ended } = started;
  const stdout = lines(options.onStdoutLine);
  const stderr = lines(options.onStderrLine);
  child.stdout.on("data", stdout.push);
  child.stderr.on("data", stderr.push);
  child.stdin.end(options.input);
  return ended.then((end) => ({ ...end, stdout: stdout.end(), stderr: stderr.end() }));
}
function start(name, args, options) {
  const cancel = options.signal ?? defaultSignal;
  if (cancel?.aborted) throw cancel.reason;
  const command = findOnPath(name, options.env.PATH ?? "");
  if (!command) throw new CommandNotFoundError(name);
  const timeout = options.timeoutMs ? AbortSignal.timeout(options.timeoutMs) : void 0;
  const signal = timeout && cancel ? AbortSignal.any([cancel, timeout]) : timeout ?? cancel;
  const child = (0, import_node_child_process.spawn)(command, args, { env: options.env, cwd: options.cwd, stdio: ["pipe", "pipe", "pipe"] });
  const stop = () => void stopChild(child);
  signal?.addEventListener("abort", stop, { once: true });
  child.stdin.on("error", () => {
  });
  const ended = new Promise((resolve, reject) => {
    child.on("error", (error) => {
      signal?.removeEventListener("abort", stop);
      reject(error);
    });
    child.on("close", (code) => {
      signal?.removeEventListener("abort", stop);
      resolve({ code: code ?? 1, timedOut: timeout?.aborted === true, cancelled: cancel?.aborted === true });
    });
  });
  return { child, ended };
}
function lines(onLine) {
  const chunks = [];
  const decoder = new import_node_string_decoder.StringDecoder("utf8");
  let partial = "";
  return {
    push: (chunk) => {
      chunks.push(chunk);
      if (!onLine) return;
      const parts = (partial + decoder.write(chunk)).split("\n");
      partial = parts.pop();
      for (const line of parts) onLine(line);
    },
    end: () => {
      partial += decoder.end();
      if (onLine && partial) onLine(partial);
      partial = "";
      return Buffer.concat(chunks).toString("utf8");
    }
  };
}
function findOnPath(name, searchPath) {
  for (const dir2 of searchPath.split(import_node_path.default.delimiter).filter(Boolean)) {
    const candidate = import_node_path.default.join(dir2, name);
    try {
      import_node_fs2.default.accessSync(candidate, import_node_fs2.default.constants.X_OK);
      if (import_node_fs2.default.statSync(candidate).isFile()) return candidate;
    } catch {
    }
  }
  return void 0;
}

// node_modules/csv-parse/lib/api/index.js
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
  import_node_fs3.default.rmSync(dir2, { recursive: true, force: true });
}
var SECRETS_STATE = "image-build-secrets-dir";

// src/buildx/own-builder-state.ts
var OWN_BUILDER_STATE = "own-builder";

// src/action/post.ts
var dir = process.env[`STATE_${SECRETS_STATE}`];
if (dir) removeDockerConfig(dir);
var builder = process.env[`STATE_${OWN_BUILDER_STATE}`];
if (builder) runProcess("docker", ["buildx", "rm", "--force", builder], { env: process.env, timeoutMs: 6e4 }).catch(() => {
});
