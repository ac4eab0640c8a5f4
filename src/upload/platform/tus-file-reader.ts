// Stands in for tus-js-client's default file reader in the CDN bundle: FileUpload always
// passes its own (see vite.config.ts), so this one is only made, never used.
export default class UnusedFileReader {
  openFile(): Promise<never> {
    return Promise.reject(new Error('open-call-widgets: tus-js-client must be given a fileReader'));
  }
}
