// Files made in the browser for upload tests: deterministic bytes, so the server's copy can be compared.

export function makeFile(name: string, size: number, type: string, seed = 1): File {
  const bytes = new Uint8Array(size);
  let x = seed * 2654435761;
  for (let i = 0; i < size; i++) {
    x = (x * 1103515245 + 12345) >>> 0;
    bytes[i] = x >>> 24;
  }
  return new File([bytes], name, { type, lastModified: 1_700_000_000_000 + seed });
}

export async function sha256(file: Blob): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', await file.arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** The id of an upload, from the PATCH lines the backend logged. */
export function uploadIdsIn(lines: string[]): string[] {
  return [
    ...new Set(lines.map((l) => /^PATCH \/v1\/uploads\/([A-Za-z0-9_-]+) /.exec(l)?.[1]).filter((id): id is string => !!id)),
  ];
}

/** Bytes the backend received in PATCH bodies for an upload. */
export function bytesPatched(lines: string[], id: string): number {
  return lines
    .filter((l) => l.startsWith(`PATCH /v1/uploads/${id} `))
    .reduce((sum, l) => sum + Number(/ (\d+)B "/.exec(l)?.[1] ?? 0), 0);
}

/** A short playable video, recorded from a canvas in this browser (WebM, or MP4 where that is all it records). */
export async function makeVideo(name: string): Promise<File> {
  const canvas = Object.assign(document.createElement('canvas'), { width: 64, height: 48 });
  const context = canvas.getContext('2d')!;
  const type = ['video/webm', 'video/mp4'].find((t) => MediaRecorder.isTypeSupported(t))!;
  const recorder = new MediaRecorder(canvas.captureStream(30), { mimeType: type });
  const parts: Blob[] = [];
  recorder.ondataavailable = (e) => parts.push(e.data);
  const stopped = new Promise((resolve) => (recorder.onstop = resolve));
  recorder.start();
  for (let frame = 0; frame < 12; frame++) {
    context.fillStyle = `hsl(${frame * 30} 80% 50%)`;
    context.fillRect(0, 0, canvas.width, canvas.height);
    await new Promise((r) => setTimeout(r, 40));
  }
  recorder.stop();
  await stopped;
  return new File(parts, name, { type });
}
