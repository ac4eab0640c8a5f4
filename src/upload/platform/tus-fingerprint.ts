// Stands in for tus-js-client's default fingerprint in the CDN bundle: FileUpload always
// passes its own (the call, and a take's id, are part of it), so the default is never used.
export default function unusedFingerprint(): Promise<never> {
  return Promise.reject(new Error('open-call-widgets: tus-js-client must be given a fingerprint'));
}
