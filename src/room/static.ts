/**
 * The built game as the room server serves it: only the build's own files, listed once at start
 * (a path is looked up, never joined onto a folder, so `/..%2fdist-single%2findex.html` finds
 * nothing), kept in memory, compressed once per file and encoding (gzip or brotli, as the phone
 * asks), with cache headers that let a phone keep the hashed assets for good and always ask
 * again for the page and the service worker.
 *
 * Phones are treated apart from this machine: no scenario files (they hold every hidden brief),
 * and an offline cache list without them and without Phaser (a phone draws no board).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join } from 'node:path';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { ROOM_MARK } from '../protocol/room';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.wav': 'audio/wav',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.json': 'application/json',
  '.yaml': 'text/yaml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
/** Already compressed (or too small to gain): served as they are. */
const COMPRESSIBLE = new Set([
  '.html',
  '.js',
  '.css',
  '.svg',
  '.json',
  '.yaml',
  '.webmanifest',
  '.wav',
  '.txt',
]);
const MIN_COMPRESS = 1024;
/** A build is a few MB; a wrong --static (a home folder) stops here instead of filling memory. */
const MAX_FILES = 5000;
const MAX_BYTES = 256 * 1024 * 1024;

/**
 * The scenario files in the build hold every hidden role's brief. Phones never need them (the
 * room sends each seat what it may see), so only this machine may read them: otherwise anyone on
 * the venue's Wi-Fi could open assets/urk-2015-….yaml and read the mole's brief.
 */
const SCENARIO_FILE = /\.ya?ml$/i;
/** Phaser's chunk (vite.config.ts names it): the projector draws the board, a phone never does. */
const PHASER_CHUNK = /(^|\/)phaser-[^/]*\.js$/;

interface StaticFile {
  body: Buffer;
  type: string;
  etag: string;
  cache: string;
  compressible: boolean;
  encoded: Map<string, Promise<Buffer>>;
}

export type StaticAnswer = 'served' | 'bad-path';

export class StaticFiles {
  private readonly files = new Map<string, StaticFile>();

  /** Lists and reads every regular file under `dir` (symbolic links and dot files are left out). */
  constructor(dir: string) {
    let bytes = 0;
    const walk = (abs: string, rel: string): void => {
      for (const name of readdirSync(abs).sort()) {
        if (name.startsWith('.')) continue;
        const path = join(abs, name);
        const relPath = rel ? `${rel}/${name}` : name;
        const stat = lstatSync(path);
        if (stat.isDirectory()) walk(path, relPath);
        else if (stat.isFile()) {
          bytes += stat.size;
          if (this.files.size >= MAX_FILES || bytes > MAX_BYTES)
            throw new Error(`${dir} is not a build of the game: more than ${MAX_FILES} files or 256 MB`);
          this.add(relPath, readFileSync(path));
        }
      }
    };
    walk(dir, '');
    const index = this.files.get('index.html');
    if (index) {
      // The mark tells the start screen it was served by the room server (src/ui/room/probe.ts).
      const html = index.body
        .toString('utf8')
        .replace('</head>', `<meta name="${ROOM_MARK}" content="1" />\n</head>`);
      this.add('index.html', Buffer.from(html, 'utf8'));
    }
    const sw = this.files.get('sw.js');
    if (sw) this.add(PHONE_SW, Buffer.from(forPhones(sw.body.toString('utf8')), 'utf8'), 'sw.js');
  }

  /**
   * Compresses every file in the background (zlib's thread pool, not the event loop), so the
   * phones that scan in at 9:00 get compressed files at once instead of waiting on the first.
   */
  warm(): void {
    for (const file of this.files.values()) {
      if (!file.compressible) continue;
      for (const encoding of ['br', 'gzip'] as const) compressed(file, encoding).catch(() => undefined);
    }
  }

  get size(): number {
    return this.files.size;
  }

  /** Answers a GET or HEAD for `rawPath` (still percent-encoded). */
  serve(req: IncomingMessage, res: ServerResponse, rawPath: string, local: boolean): StaticAnswer {
    const path = decodePath(rawPath);
    if (path === null) {
      res.writeHead(400, { 'content-type': 'text/plain; charset=utf-8' }).end('Bad path.\n');
      return 'bad-path';
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return 'served';
    }
    let name = path === '' || path.endsWith('/') ? `${path}index.html` : path;
    if (!local && SCENARIO_FILE.test(name) && this.files.has(name)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(
        "Scenario files are read on the facilitator's laptop only: a phone gets what its seat may see from the room.\n",
      );
      return 'served';
    }
    if (!local && name === 'sw.js') name = PHONE_SW;
    const file = this.files.get(name);
    if (!file) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found.\n');
      return 'served';
    }
    this.send(req, res, file).catch(() => res.destroy());
    return 'served';
  }

  private async send(req: IncomingMessage, res: ServerResponse, file: StaticFile): Promise<void> {
    const headers: Record<string, string> = {
      'content-type': file.type,
      'cache-control': file.cache,
      etag: file.etag,
      'x-content-type-options': 'nosniff',
    };
    if (file.compressible) headers.vary = 'Accept-Encoding';
    if (req.headers['if-none-match'] === file.etag) {
      res.writeHead(304, headers).end();
      return;
    }
    let body = file.body;
    const encoding = file.compressible ? chooseEncoding(req.headers['accept-encoding']) : null;
    if (encoding) {
      try {
        body = await compressed(file, encoding);
        headers['content-encoding'] = encoding;
      } catch {
        body = file.body;
      }
    }
    headers['content-length'] = String(body.length);
    if (res.destroyed) return;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  private add(rel: string, body: Buffer, servedAs = rel): void {
    const ext = extname(servedAs).toLowerCase();
    const hashed = servedAs.startsWith('assets/');
    this.files.set(rel, {
      body,
      type: TYPES[ext] ?? 'application/octet-stream',
      etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
      // Vite puts a content hash in every name under assets/: such a file never changes.
      cache: hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      compressible: COMPRESSIBLE.has(ext) && body.length >= MIN_COMPRESS,
      encoded: new Map(),
    });
  }
}

/** The phone's service worker is kept under a name no request can reach directly. */
const PHONE_SW = '\0phone/sw.js';

/**
 * The path without its leading slash, each segment percent-decoded; null when a `%` is not a
 * valid escape (a 400, not a thrown URIError that would end the process). Decoded segments may
 * hold `/` or `..`: they are only looked up in the list of files, never joined onto a folder.
 */
export function decodePath(raw: string): string | null {
  const segments = raw.replace(/^\/+/, '').split('/');
  const out: string[] = [];
  for (const s of segments) {
    try {
      out.push(decodeURIComponent(s));
    } catch {
      return null;
    }
  }
  const path = out.join('/');
  return path.includes('\0') ? null : path;
}

function chooseEncoding(accept: string | undefined): 'br' | 'gzip' | null {
  if (!accept) return null;
  const offered = new Set(
    accept
      .split(',')
      .map((part) => part.trim().split(';'))
      .filter(([, q]) => !q || !/^\s*q=0(\.0*)?\s*$/.test(q))
      .map(([name]) => name?.trim().toLowerCase()),
  );
  if (offered.has('br')) return 'br';
  if (offered.has('gzip')) return 'gzip';
  return null;
}

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** Compressed once, on the first request that asks (off the main thread), then from memory. */
function compressed(file: StaticFile, encoding: 'br' | 'gzip'): Promise<Buffer> {
  let done = file.encoded.get(encoding);
  if (!done) {
    done =
      encoding === 'br'
        ? brotli(file.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
        : gzipAsync(file.body, { level: 9 });
    file.encoded.set(encoding, done);
  }
  return done;
}

/** The service worker's list of files to cache without the scenario files. */
export function withoutScenarios(sw: string): string {
  return filterCacheList(sw, (f) => !SCENARIO_FILE.test(f));
}

/** A phone's offline cache: no scenario files (refused to it anyway) and no Phaser (never drawn). */
export function forPhones(sw: string): string {
  return filterCacheList(sw, (f) => !SCENARIO_FILE.test(f) && !PHASER_CHUNK.test(f));
}

function filterCacheList(sw: string, keep: (file: string) => boolean): string {
  return sw.replace(/^const FILES = (.*);$/m, (_line, list: string) => {
    const files = (JSON.parse(list) as string[]).filter(keep);
    return `const FILES = ${JSON.stringify(files)};`;
  });
}
