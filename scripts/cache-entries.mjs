// The cache-service emulator's entries (cache-service.mjs): what the Twirp API
// reserves, finalizes and looks up, persisted in a folder.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

/** Cache entries identified by (key, version), persisted as dir/index.json + dir/blobs/<id>. */
export class EntryStore {
  constructor(dir) {
    this.dir = dir;
    this.indexPath = path.join(dir, 'index.json');
    fs.mkdirSync(path.join(dir, 'blobs'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'blocks'), { recursive: true });
    this.entries = fs.existsSync(this.indexPath) ? JSON.parse(fs.readFileSync(this.indexPath, 'utf8')) : [];
    this.nextId = Math.max(0, ...this.entries.map((e) => e.id)) + 1;
  }

  // Write-then-rename so a crash never leaves a half-written index behind.
  persist() {
    fs.writeFileSync(`${this.indexPath}.tmp`, JSON.stringify(this.entries, null, 2));
    fs.renameSync(`${this.indexPath}.tmp`, this.indexPath);
  }

  find(key, version) { return this.entries.find((e) => e.key === key && e.version === version); }
  byId(id) { return this.entries.find((e) => String(e.id) === id); }
  blobPath(entry) { return path.join(this.dir, 'blobs', String(entry.id)); }
  blockDir(entry) { return path.join(this.dir, 'blocks', String(entry.id)); }
  // Block ids are base64 (may hold '/' and '+'): hex-encode them for file names.
  blockPath(entry, blockId) { return path.join(this.blockDir(entry), Buffer.from(blockId).toString('hex')); }

  create(key, version) {
    const entry = { id: this.nextId++, key, version, sig: randomBytes(16).toString('hex'),
      createdAt: new Date().toISOString(), uploadedSize: null, finalized: false };
    this.entries.push(entry);
    this.persist();
    return entry;
  }

  // Like the real service: exact primary key first, then each restore key as a
  // prefix; newest entry wins; only finalized entries of the same version count.
  lookup(key, restoreKeys, version) {
    const candidates = this.entries.filter((e) => e.finalized && e.version === version).sort((a, b) => b.id - a.id);
    return candidates.find((e) => e.key === key)
      ?? restoreKeys.map((prefix) => candidates.find((e) => e.key.startsWith(prefix))).find(Boolean);
  }

  removeKey(key) {
    const doomed = this.entries.filter((e) => e.key === key);
    for (const entry of doomed) {
      fs.rmSync(this.blobPath(entry), { force: true });
      fs.rmSync(this.blockDir(entry), { recursive: true, force: true });
    }
    this.entries = this.entries.filter((e) => e.key !== key);
    this.persist();
    return doomed.length;
  }
}
