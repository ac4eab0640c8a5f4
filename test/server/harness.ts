import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { parse } from 'yaml';
import { startServer, type ReferenceServer, type ServerOptions } from '../../demo/server/app.js';

const openapiPath = new URL('../../src/api/openapi.yaml', import.meta.url);
const openapi = parse(readFileSync(openapiPath, 'utf8')) as {
  paths: Record<string, Record<string, { responses: Record<string, { $ref?: string; content?: Record<string, unknown> }> }>>;
};
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(openapi, 'openapi');

const pointer = (...parts: string[]) => parts.map((p) => p.replaceAll('~', '~0').replaceAll('/', '~1')).join('/');

/**
 * Checks a response against the OpenAPI document: the status must be documented for the
 * route, and the body must match the schema for its content type.
 */
export async function conforms(res: Response, method: string, route: string): Promise<unknown> {
  const operation = openapi.paths[route]?.[method.toLowerCase()];
  assert.ok(operation, `${method} ${route} is not in openapi.yaml`);
  let response = operation.responses[String(res.status)];
  assert.ok(response, `${method} ${route} answered ${res.status}, which openapi.yaml does not list`);
  let ref = `#/paths/${pointer(route, method.toLowerCase(), 'responses', String(res.status))}`;
  if (response.$ref) {
    ref = response.$ref;
    response = openapi as never;
    for (const part of ref.slice(2).split('/')) response = (response as never)[part];
  }
  if (!response.content) return undefined;
  const type = (res.headers.get('content-type') ?? '').split(';')[0];
  // A listed type may be a range (`*/*`, `image/*`), as for the files of the media route.
  const listed = [type, `${type.split('/')[0]}/*`, '*/*'].find((t) => response.content?.[t]);
  assert.ok(
    listed,
    `${method} ${route} ${res.status} sent ${type}; openapi.yaml says ${Object.keys(response.content).join(', ')}`,
  );
  // A file (media, a zip) has no JSON schema to match: its bytes are the body.
  if (!/^application\/(.+\+)?json$/.test(listed)) return new Uint8Array(await res.arrayBuffer());
  const body: unknown = await res.json();
  const validate = ajv.getSchema(`openapi${ref}/content/${pointer(type)}/schema`);
  assert.ok(validate, `no schema for ${ref}`);
  assert.ok(
    validate(body),
    `${method} ${route} ${res.status} does not match openapi.yaml: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(body).slice(0, 500)}`,
  );
  return body;
}

export interface TestServer extends ReferenceServer {
  dataDir: string;
  /** Any request through the contract check; returns the status and the parsed body (bytes for a file). */
  call(method: string, path: string, init?: RequestInit): Promise<{ status: number; headers: Headers; body: any }>;
}

const routeOf = (path: string) =>
  path
    .split('?')[0]
    .replace(/^\/calls\/[^/]+\/contributions$/, '/calls/{id}/contributions')
    .replace(/^\/calls\/[^/]+$/, '/calls/{id}')
    .replace(/^\/media\/[^/]+\/[^/]+$/, '/media/{id}/{n}')
    .replace(/^\/organiser\/contributions\/[^/]+$/, '/organiser/contributions/{id}')
    .replace(/^\/organiser\/calls\/[^/]+\/export$/, '/organiser/calls/{id}/export')
    .replace(/^\/uploads\/[0-9a-f]{32}$/, '/uploads/{uploadId}');

/**
 * fetch, and the answer checked against the OpenAPI document when it is for a documented route
 * (an undocumented path, such as an upload URL with a forged id, is not checked).
 */
export async function checkedFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const res = await fetch(url, init);
  const path = new URL(url).pathname.replace(/^\/v1(?=\/)/, '');
  const route = routeOf(path);
  const method = init.method ?? 'GET';
  if (openapi.paths[route]?.[method.toLowerCase()]) await conforms(res.clone(), method, route);
  return res;
}

export async function startTestServer(options: Partial<ServerOptions> = {}): Promise<TestServer> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'oc-server-')));
  const server = await startServer({ ...options, dataDir, port: 0 });
  return {
    ...server,
    dataDir,
    async call(method, path, init = {}) {
      const res = await fetch(`${server.api}${path}`, { ...init, method });
      const body = await conforms(res, method, routeOf(path));
      return { status: res.status, headers: res.headers, body };
    },
    async close() {
      await server.close();
      if (!options.dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A tus upload through the protocol itself, as tus-js-client would make it (with its upload secret). */
export async function tusUpload(
  endpoint: string,
  bytes: Uint8Array<ArrayBuffer>,
  metadata: Record<string, string>,
  { finish = true, secret = randomBytes(16).toString('hex') } = {},
): Promise<{ url: string; create: Response; secret: string }> {
  const encoded = Object.entries({ secret, ...metadata })
    .map(([k, v]) => `${k} ${Buffer.from(v).toString('base64')}`)
    .join(',');
  const create = await fetch(endpoint, {
    method: 'POST',
    headers: { 'Tus-Resumable': '1.0.0', 'Upload-Length': String(bytes.length), 'Upload-Metadata': encoded },
  });
  if (create.status !== 201) return { url: '', create, secret };
  const url = new URL(create.headers.get('location')!, endpoint).href;
  const body = new Blob([finish ? bytes : bytes.subarray(0, Math.floor(bytes.length / 2))]);
  const patch = await fetch(url, {
    method: 'PATCH',
    headers: {
      'Tus-Resumable': '1.0.0',
      'Upload-Offset': '0',
      'Content-Type': 'application/offset+octet-stream',
      'Upload-Secret': secret,
    },
    body,
  });
  assert.equal(patch.status, 204, `PATCH answered ${patch.status}: ${await patch.text()}`);
  return { url, create, secret };
}

/** A valid contribution for a text call, to vary one field at a time. */
export function textContribution(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'text',
    text: 'She is wondering whether the moon misses her too.',
    creditName: 'Aisyah R.',
    language: 'en',
    consent: { termsVersion: '2026-09', acceptedAt: new Date().toISOString() },
    uploads: [],
    ...overrides,
  };
}

export const json = (body: unknown): RequestInit => ({
  headers: { 'Content-Type': 'application/json' },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

/** The reference backend's command, as `npm run server` runs it. */
export const cli = new URL('../../demo/server/cli.ts', import.meta.url).pathname;

/** Starts the real command, as `npm run server` does, and waits for it to print its API URL. */
export async function startCli(
  args: string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ child: ChildProcess; api: string; output: () => string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', cli, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const deadline = Date.now() + 20_000;
  while (!/organiser\s+\S+/.test(output)) {
    if (child.exitCode !== null || Date.now() > deadline) throw new Error(`server did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return { child, api: /API\s+(\S+)\/calls/.exec(output)![1], output: () => output };
}

/** What a request written straight to the socket got back: its status, type and body. */
export interface RawAnswer {
  status: number;
  type: string;
  body: string;
}

/** Writes `request` as it is to the server at `url` (what fetch refuses to send) and reads the answer. */
export function sendRaw(url: string, request: string): Promise<RawAnswer> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.end(request));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString('latin1')));
    socket.on('error', reject);
    socket.on('close', () => {
      const [head, body = ''] = answer.split('\r\n\r\n');
      resolve({
        status: Number(/^HTTP\/1\.1 (\d+)/.exec(head)?.[1] ?? 0),
        type: /content-type: ([^\r]+)/i.exec(head)?.[1] ?? '',
        body,
      });
    });
  });
}

/** The headers of a tus request to an upload made with `secret`, and any `extra` ones. */
export const tusHeaders = (secret: string, extra: Record<string, string> = {}) => ({
  'Tus-Resumable': '1.0.0',
  'Upload-Secret': secret,
  ...extra,
});

/** The offset a HEAD of the upload at `url` answers (it must answer 200). */
export async function offsetOf(url: string, secret: string): Promise<number> {
  const head = await fetch(url, { method: 'HEAD', headers: tusHeaders(secret) });
  assert.equal(head.status, 200);
  return Number(head.headers.get('upload-offset'));
}

/** Every byte of `stream`. */
export const bytesOf = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer());
