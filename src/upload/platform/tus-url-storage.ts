// Stands in for tus-js-client's default URL storage in the CDN bundle: FileUpload always
// passes ResumeStore, so the default is never used. Saying storage is unavailable makes
// tus-js-client pick its no-op storage for the default, and never make this one.
export const canStoreURLs = false;

export class WebStorageUrlStorage {
  findAllUploads(): Promise<never> {
    return Promise.reject(new Error('open-call-widgets: tus-js-client must be given a urlStorage'));
  }
}
