// Stands in for tus-js-client's no-op URL storage in the CDN bundle: it is the default that
// tus-js-client makes (see tus-url-storage.ts), and FileUpload always passes ResumeStore instead.
export default class UnusedUrlStorage {
  findAllUploads(): Promise<never> {
    return Promise.reject(new Error('open-call-widgets: tus-js-client must be given a urlStorage'));
  }
}
